/**
 * Action inputs that execute their value as code (template-injection sinks): the CodeQL
 * models zizmor ships (14) plus zizmor's own additions (4). `*` ends a prefix
 * (`linked-comments-*`).
 */
export const ACTION_SINKS: ReadonlyMap<string, readonly string[]> = new Map([
  ['actions/github-script', ['script']],
  ['8398a7/action-slack', ['custom_payload']],
  ['appleboy/ssh-action', ['script']],
  ['azure/cli', ['inlinescript']],
  ['azure/powershell', ['inlinescript']],
  ['devorbitus/yq-action-output', ['cmd']],
  ['gautamkrishnar/blog-post-workflow', ['item_exec']],
  ['imjohnbo/issue-bot', ['body', 'linked-comments-*']],
  ['lucasbento/auto-close-issues', ['issue-close-message']],
  ['mikefarah/yq', ['cmd']],
  ['roots/issue-closer-action', ['issue-close-message', 'pr-close-message']],
  ['sergeysova/jq-action', ['cmd']],
  ['skitionek/notify-microsoft-teams', ['overwrite']],
  ['tibdex/backport', ['body_template', 'head_template', 'labels_template', 'title_template']],
  ['amadevus/pwsh-script', ['script']],
  ['jannekem/run-python-script-action', ['script']],
  ['cardinalby/js-eval-action', ['expression']],
  ['addnab/docker-run-action', ['options', 'run']],
]);

/** True when input `key` of action `name` (lower-case) is a code sink. */
export function isSinkInput(name: string, key: string): boolean {
  const inputs = ACTION_SINKS.get(name);
  const k = key.toLowerCase();
  return inputs?.some((i) => (i.endsWith('*') ? k.startsWith(i.slice(0, -1)) : i === k)) ?? false;
}
