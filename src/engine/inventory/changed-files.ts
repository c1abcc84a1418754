/**
 * Which changed files of a pull request change how CI itself behaves: workflow files,
 * actions (composite or not), CODEOWNERS, the gate's own policy file and the files it extends.
 */
export interface SensitiveChange {
  readonly file: string;
  readonly what: string;
}

export function sensitiveChanges(
  files: readonly string[],
  policyFile: string | undefined,
  policyFiles: readonly string[] = [],
): SensitiveChange[] {
  const policy = policyFile === undefined ? undefined : normal(policyFile);
  const extended = new Set(policyFiles.map(normal));
  const changes: SensitiveChange[] = [];
  for (const raw of files) {
    const file = normal(raw);
    const what = classify(file, policy, extended);
    if (what) changes.push({ file, what });
  }
  return changes;
}

function normal(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
}

function classify(
  file: string,
  policy: string | undefined,
  policyFiles: ReadonlySet<string>,
): string | undefined {
  if (policy && file === policy) return "the gate's own policy file";
  if (policyFiles.has(file)) return "a file the gate's policy is built from (extends)";
  if (/^\.github\/workflows\//.test(file)) return 'a workflow file';
  if (/^\.github\/actions\//.test(file)) return 'a repository action';
  if (/(^|\/)action\.ya?ml$/.test(file)) return 'an action definition';
  if (/^(\.github\/|docs\/)?CODEOWNERS$/.test(file)) return 'CODEOWNERS';
  if (/^\.github\/agent-gate\.ya?ml$/.test(file)) return "the gate's policy file";
  return undefined;
}
