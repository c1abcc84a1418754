/**
 * Which changed files of a pull request change how CI itself behaves: workflow files,
 * actions (composite or not), CODEOWNERS, and the gate's own policy file.
 */
export interface SensitiveChange {
  readonly file: string;
  readonly what: string;
}

export function sensitiveChanges(
  files: readonly string[],
  policyFile: string | undefined,
): SensitiveChange[] {
  const policy = policyFile?.replace(/^\.\//, '');
  const changes: SensitiveChange[] = [];
  for (const raw of files) {
    const file = raw.replace(/^\.\//, '');
    const what = classify(file, policy);
    if (what) changes.push({ file, what });
  }
  return changes;
}

function classify(file: string, policy: string | undefined): string | undefined {
  if (policy && file === policy) return "the gate's own policy file";
  if (/^\.github\/workflows\//.test(file)) return 'a workflow file';
  if (/^\.github\/actions\//.test(file)) return 'a repository action';
  if (/(^|\/)action\.ya?ml$/.test(file)) return 'an action definition';
  if (/^(\.github\/|docs\/)?CODEOWNERS$/.test(file)) return 'CODEOWNERS';
  if (/^\.github\/agent-gate\.ya?ml$/.test(file)) return "the gate's policy file";
  return undefined;
}
