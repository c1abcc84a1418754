/** Paths the job's grants open by themselves: GITHUB_TOKEN write scopes and its other credentials. */
import { CONVERSATION_SCOPES, writeScopes } from '../permissions.js';
import { draft, type Draft, type PathInput } from './input.js';

/** Scopes that by themselves let the token act. */
export function fromPermissions({ permissions }: PathInput): Draft[] {
  const writes = new Set(writeScopes(permissions));
  const at = permissions.at;
  const how = permissions.source === 'default' ? ' (repository default token)' : '';
  const out: Draft[] = [];
  const comment = CONVERSATION_SCOPES.filter(
    (s) => writes.has(s) && s !== 'statuses' && s !== 'checks',
  );
  if (comment.length > 0)
    out.push(
      draft('comment', `GITHUB_TOKEN can write ${comment.join(', ')}${how}`, at, ['github-token']),
    );
  if (writes.has('contents'))
    out.push(
      draft('write-branch', `GITHUB_TOKEN has contents: write${how}`, at, ['github-token'], {
        target: 'github:branches',
      }),
    );
  // `actions: write` re-runs, cancels and dispatches workflows and deletes caches and
  // artifacts; it never writes workflow files (GITHUB_TOKEN cannot). Dispatching another
  // workflow is a write to the repository's CI, decided like a branch write.
  if (writes.has('actions'))
    out.push(
      draft(
        'write-branch',
        `GITHUB_TOKEN has actions: write${how} (re-run, cancel or dispatch workflows, delete caches and artifacts)`,
        at,
        ['github-token'],
        { target: 'github:actions' },
      ),
    );
  if (writes.has('packages'))
    out.push(
      draft('publish', `GITHUB_TOKEN has packages: write${how}`, at, ['github-token'], {
        target: 'registry:github-packages',
      }),
    );
  if (writes.has('deployments'))
    out.push(draft('deploy', `GITHUB_TOKEN has deployments: write${how}`, at, ['github-token']));
  if (writes.has('pages'))
    out.push(
      draft('deploy', `GITHUB_TOKEN has pages: write${how}`, at, ['github-token'], {
        target: 'github:pages',
      }),
    );
  return out;
}

export function fromCredentials({ credentials }: PathInput): Draft[] {
  const out: Draft[] = [];
  for (const c of credentials) {
    if (c.kind === 'github-token') continue;
    if (c.kind === 'oidc') {
      out.push(
        draft(
          'cloud-credential',
          'id-token: write lets any step mint an OIDC token',
          c.at,
          [c.id],
          { target: c.reaches[0] },
        ),
      );
      continue;
    }
    out.push(
      draft(
        'use-secret',
        `uses ${c.kind === 'inherited-secrets' ? 'all inherited secrets' : c.kind === 'app-token' ? c.name : `secret ${c.name}`} (${c.note})`,
        c.at,
        [c.id],
        { target: c.reaches[0] },
      ),
    );
    if (c.reaches.some((r) => r.startsWith('cloud:')))
      out.push(
        draft('cloud-credential', `static cloud key ${c.name}`, c.at, [c.id], {
          target: 'cloud:static-key',
        }),
      );
  }
  return out;
}
