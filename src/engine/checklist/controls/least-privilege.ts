/**
 * Checklist item 1 (Access Control): Enforce least-privilege permissions.
 */
import { CONVERSATION_SCOPES } from '../../inventory/permissions.js';
import { defineControl } from '../control.js';
import type { Evidence } from '../types.js';
import { ev, verdict } from '../verdict.js';

/** Write scopes that only let the token talk or ask for Copilot: narrow by design. */
const NARROW_WRITE_SCOPES: readonly string[] = [...CONVERSATION_SCOPES, 'copilot-requests'];

export default defineControl({
  meta: {
    id: 'least-privilege',
    number: 1,
    category: 'Access Control',
    title: 'Enforce least-privilege permissions',
    short: 'Least-privilege permissions',
    basic: true,
    looksAt:
      'the job token’s effective `permissions:` (declared or repository default), App tokens not bounded by them, and agents running with permission checks off',
    levels: {
      full: 'Declares `permissions:`; the only writes are to conversation scopes (issues, pull-requests, discussions, statuses, checks, copilot-requests); no App token outside the block; no agent in bypass mode',
      partial:
        'Declared, but with `contents: write` (or a similar write), an App token the block does not bound (a claude-code-action OIDC exchange, `create-github-app-token` without `permission-*`), or an agent in bypass mode; or no block while the repository default is read-only',
      none: 'No block and the default is unknown or write; `write-all`; a broad write **and** an agent in bypass mode',
      notObservable: 'never',
    },
    messages: {
      'write-all': '`permissions: write-all` grants every scope',
      'default-write':
        'no `permissions:` block: the job gets the repository default token, which may write everywhere',
      'default-read':
        'no `permissions:` block; the repository default is read-only, but the workflow does not scope the token itself',
      'broad-write-and-bypass':
        'the token can write {scopes} and the agent runs with permission checks off',
      'declared-narrow-writes':
        'permissions are declared and writes are limited to conversation scopes ({scopes})',
      'declared-read-only': 'permissions are declared and read-only',
      'declared-but-wider': 'permissions are declared, but {why}',
    },
  },
  score(f) {
    const p = f.inv.permissions;
    const writes = Object.entries(p.scopes)
      .filter(([scope, level]) => level === 'write' && scope !== 'id-token')
      .map(([scope]) => scope);
    const broad = writes.filter((s) => !NARROW_WRITE_SCOPES.includes(s));
    const bypass = f.agents.filter((a) => a.permissionsBypassed);
    const unbounded = f.inv.credentials.filter(
      (c) => c.kind === 'app-token' && c.scope === 'broad',
    );
    const evidence: Evidence[] = [
      ev(
        `token permissions from ${p.source === 'default' ? 'the repository default' : `the ${p.source} block`}: ${writes.length > 0 ? `write ${writes.join(', ')}` : 'read-only'}${p.assumed ? ' (default unknown: write assumed)' : ''}`,
        p.at,
      ),
      ...unbounded.map((c) => ({
        ...ev(`${c.name} (${c.note})`, c.at),
        ref: { kind: 'credential' as const, id: c.id },
      })),
      ...bypass.map((a) =>
        ev(
          `${a.id} runs with permission checks off (${a.settings.find((s) => s.risky)?.reason ?? 'bypass'})`,
          a.settings.find((s) => s.risky)?.at ?? a.at,
        ),
      ),
    ];
    const writeAll =
      f.job.permissions?.kind === 'write-all' ||
      (f.job.permissions === undefined && f.wf.permissions?.kind === 'write-all');
    if (writeAll) return verdict(0, 'write-all', evidence);
    if (p.source === 'default')
      return p.assumed || writes.length > 0
        ? verdict(0, 'default-write', evidence)
        : verdict(0.5, 'default-read', evidence);
    if (broad.length > 0 && bypass.length > 0)
      return verdict(0, 'broad-write-and-bypass', evidence, { scopes: broad.join(', ') });
    if (broad.length === 0 && bypass.length === 0 && unbounded.length === 0)
      return writes.length > 0
        ? verdict(1, 'declared-narrow-writes', evidence, { scopes: writes.join(', ') })
        : verdict(1, 'declared-read-only', evidence);
    const why = [
      broad.length > 0 ? `the token can write ${broad.join(', ')}` : undefined,
      unbounded.length > 0 ? 'an App token is not bounded by `permissions:`' : undefined,
      bypass.length > 0 ? 'the agent runs with permission checks off' : undefined,
    ].filter(Boolean);
    return verdict(0.5, 'declared-but-wider', evidence, { why: why.join('; ') });
  },
});
