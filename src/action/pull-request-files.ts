/**
 * The files a pull request changes, through the API, every page (GitHub lists at most 3,000).
 */
import type { GitHubClient } from '../github/client.js';
import { InputError } from '../errors.js';

export async function listChangedFiles(
  client: GitHubClient,
  owner: string,
  repo: string,
  pullNumber: number,
): Promise<string[]> {
  try {
    const files = await client.paginate(client.rest.pulls.listFiles, {
      owner,
      repo,
      pull_number: pullNumber,
      per_page: 100,
    });
    return files.flatMap((f) =>
      f.previous_filename ? [f.filename, f.previous_filename] : [f.filename],
    );
  } catch (cause) {
    throw new InputError(
      `cannot list the files of pull request #${pullNumber}: ${(cause as Error).message}`,
      { cause },
    );
  }
}
