/**
 * The files a pull request changes, with their diffs, through the API — every page (GitHub
 * lists at most 3,000 files). An API failure is an error: the gate never assumes "no changes".
 */
import type { ChangedFile } from '../../engine/context/run-context.js';
import { InputError } from '../../engine/errors.js';
import type { GitHubClient } from '../github/client.js';

export async function listChangedFiles(
  client: GitHubClient,
  owner: string,
  repo: string,
  pullNumber: number,
): Promise<ChangedFile[]> {
  try {
    const files = await client.paginate(client.rest.pulls.listFiles, {
      owner,
      repo,
      pull_number: pullNumber,
      per_page: 100,
    });
    return files.map((f, i) => {
      // A listing the gate cannot read is not "no such change": it fails closed.
      if (typeof f?.filename !== 'string' || f.filename === '')
        throw new InputError(
          `the files API answered entry ${i + 1} without a file name, so the change cannot be judged`,
        );
      return {
        filename: f.filename,
        status: typeof f.status === 'string' ? f.status : 'modified',
        previousFilename: typeof f.previous_filename === 'string' ? f.previous_filename : undefined,
        patch: typeof f.patch === 'string' ? f.patch : undefined,
      };
    });
  } catch (cause) {
    if (cause instanceof InputError) throw cause;
    throw new InputError(
      `cannot list the files of pull request #${pullNumber}: ${(cause as Error).message}`,
      { cause },
    );
  }
}

/** Every path a change touches, old names of renamed files included. */
export function changedPaths(files: readonly ChangedFile[]): string[] {
  return files.flatMap((f) =>
    f.previousFilename ? [f.filename, f.previousFilename] : [f.filename],
  );
}

/** The most files `GET /pulls/{n}/files` lists, however many a pull request changes. */
export const MAX_LISTED_FILES = 3000;

/**
 * Why a listing of `listed` files is incomplete, given the `changed_files` count of the
 * payload (when it has one); undefined when it is complete.
 */
export function incompleteListing(
  listed: number,
  declared: number | undefined,
): string | undefined {
  if (declared !== undefined && declared > listed)
    return `the pull request changes ${declared} files, the files API listed ${listed} (it lists at most ${MAX_LISTED_FILES})`;
  if (listed >= MAX_LISTED_FILES)
    return `the files API listed ${listed} files, its maximum, so the pull request may change more`;
  return undefined;
}
