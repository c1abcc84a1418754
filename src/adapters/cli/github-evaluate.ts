/**
 * Decides one repository read through the API (see github-scan.ts) with the steps `scan`
 * takes for a directory (decide-commands.ts): the policy the action would use, one
 * repository snapshot shared by its workflows, each file parsed once, composite actions and
 * reusable workflows through the same gatherer, scripts read level by level as the engine
 * asks — only the reads differ (blobs of the tree instead of files on disk).
 */
import { InputError, fileErrorOf } from '../../engine/errors.js';
import { readRepoSnapshotAt, readScriptFilesAt } from '../action/repo-snapshot.js';
import { repoPolicyReader } from '../action/repo-policy-reader.js';
import type { EnvironmentFacts } from '../../engine/context/environment-protection.js';
import { evaluateEachTrigger } from '../../engine/evaluate-triggers.js';
import type { Evaluation } from '../../engine/evaluate.js';
import { gatherActionFiles } from '../../engine/inventory/resolve/action-files.js';
import type { ParsedFile } from '../../engine/inventory/resolve/action-files.js';
import type { RepoSnapshot } from '../../engine/inventory/repo-snapshot.js';
import { loadPolicy, policyFilesRead } from '../../engine/policy/load-policy.js';
import type { FileError, RepositoryScope } from '../../engine/report/report.js';
import { parseWorkflowOrAction } from '../../engine/workflow/action-file.js';
import { MAX_SOURCE_BYTES } from '../../engine/workflow/source.js';
import type { Command } from './args.js';
import { scanContext } from './event-context.js';
import { diskFileReader } from './fs-action-files.js';
import { repoRootOf } from './fs-repo-snapshot.js';
import type { FetchedRepo } from './github-scan.js';
import { DEFAULT_POLICY_FILE } from './repo-policy.js';
import type { PolicyResolver, ResolvedPolicy } from './repo-policy.js';
import type { CliIo } from './run-cli.js';
import type { FetchSession } from './fetch-session.js';

type ScanArgs = Extract<Command, { name: 'scan' }>;

export interface ScanSettings {
  readonly command: ScanArgs;
  readonly resolver: PolicyResolver;
  readonly now: Date;
  /** The detection-rule catalog (CliIo's; the registry when absent). */
  readonly rules: CliIo['rules'];
  /** `--fetch`: the session reading remote `uses:` into the actions cache; undefined: offline. */
  readonly session: FetchSession | undefined;
  /** `--environments`: protection facts by name, read once for every repository. */
  readonly environments: Readonly<Record<string, EnvironmentFacts>> | undefined;
}

export interface RepositoryResult {
  readonly evaluations: readonly Evaluation[];
  readonly errors: readonly FileError[];
  readonly scope: RepositoryScope;
}

export async function evaluateRepository(
  fetched: FetchedRepo,
  settings: ScanSettings,
): Promise<RepositoryResult> {
  const { repo, tree, files } = fetched;
  const { command } = settings;
  const root = repo.fullName;
  const { policy, repoFile } = await policyOf(fetched, settings);
  const context = scanContext({
    policy,
    policyFile: repoFile,
    defaultPermissions: command.defaultPermissions,
    repository: command.options.repository ?? repo.fullName,
    environments: settings.environments,
    // A policy read from the repository is gated like the directory scan's (repository paths).
    policyFiles: repoFile === undefined ? [] : policyFilesRead(policy),
  });
  const scope: RepositoryScope = {
    root,
    rootUri: tree ? `${repo.htmlUrl.replace(/\/+$/, '')}/blob/${tree.sha}/` : `${repo.htmlUrl}/`,
    policy,
    workflows: files.map((path) => ({ path: `${root}/${path}`, repoPath: path })),
    category: `agent-gate/scan/${root}/`,
  };
  if (!tree) return { evaluations: [], errors: [], scope };
  const reader = tree.fileReader();
  // As for a directory: a snapshot when the first file is a workflow under .github/workflows/.
  const withSnapshot = repoRootOf(`${root}/${files[0] ?? ''}`) !== undefined;
  let snapshot: RepoSnapshot | undefined = withSnapshot
    ? { ...(await readRepoSnapshotAt(reader, tree.sha)), root }
    : undefined;
  const resolved = new Map<string, string>();
  const actionReader = tree.actionFileReader(
    root,
    settings.session?.reader(undefined, resolved) ??
      diskFileReader({ root: undefined, cacheDir: command.options.actionsCache, resolved }),
  );
  const parsedFiles = new Map<string, ParsedFile>();
  const evaluations: Evaluation[] = [];
  const errors: FileError[] = [];
  for (const path of files) {
    const file = `${root}/${path}`;
    try {
      const text = await workflowText(tree.blob(path), file, () => tree.text(path));
      const parsed = parseWorkflowOrAction(file, text);
      const actionFiles = await gatherActionFiles([parsed], actionReader, resolved, parsedFiles);
      settings.session?.noteUses(parsed, actionFiles);
      if (snapshot) snapshot = await readScriptFilesAt(reader, tree.sha, snapshot, parsed);
      evaluations.push(
        ...evaluateEachTrigger(
          {
            path: file,
            text,
            parsed,
            actionFiles,
            policy,
            context,
            now: settings.now,
            rules: settings.rules,
            repo: snapshot,
            repoPath: withSnapshot ? path : undefined,
          },
          command.allTriggers,
        ),
      );
    } catch (thrown) {
      errors.push(fileErrorOf(file, thrown));
    }
  }
  return { evaluations, errors, scope };
}

/** `--policy` when given, else the repository's own `.github/agent-gate.yml`, else baseline. */
async function policyOf(fetched: FetchedRepo, settings: ScanSettings): Promise<ResolvedPolicy> {
  const { command, resolver } = settings;
  if (command.options.policy !== undefined || !fetched.tree?.blob(DEFAULT_POLICY_FILE))
    return { policy: (await resolver.forRoot(undefined)).policy, repoFile: undefined };
  const reader = repoPolicyReader(fetched.tree.fileReader(), fetched.tree.sha);
  try {
    return {
      policy: await loadPolicy(DEFAULT_POLICY_FILE, reader),
      repoFile: DEFAULT_POLICY_FILE,
    };
  } catch (cause) {
    throw new InputError(
      `${fetched.repo.fullName}: its policy ${DEFAULT_POLICY_FILE}: ${(cause as Error).message}`,
      { cause },
    );
  }
}

async function workflowText(
  blob: { mode: string; size: number } | undefined,
  file: string,
  read: () => Promise<string>,
): Promise<string> {
  if (!blob) throw new InputError(`${file}: not in the repository tree`);
  if (blob.mode === '120000') throw new InputError(`${file}: a symlink, not followed`);
  if (blob.size > MAX_SOURCE_BYTES)
    throw new InputError(`${file}: ${blob.size} bytes, over the ${MAX_SOURCE_BYTES}-byte limit`);
  return read();
}
