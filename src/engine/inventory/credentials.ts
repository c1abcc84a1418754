/**
 * The credentials a job holds (DESIGN.md §4 credential kinds): the GITHUB_TOKEN with its
 * effective scopes, OIDC and what consumes it, App tokens minted in steps or by an agent's
 * own OIDC exchange, and every secret by name — with its lifetime, whether it is narrow or
 * broad, what it reaches and where it flows. Values are never seen.
 */
import type { SourceLocation } from '../errors.js';
import { nameLooksLike } from '../glob.js';
import { referencesGithubToken } from '../workflow/expressions/secrets.js';
import type { Job, Step, Workflow } from '../workflow/model.js';
import { locate } from '../workflow/source.js';
import { AGENTS } from './agent-catalog.js';
import { APP_TOKEN_ACTIONS } from './action-table.js';
import type { CloudLogin } from './cloud-auth.js';
import { CONVERSATION_SCOPES, writeScopes } from './permissions.js';
import type { SecretUse } from './secret-flow.js';
import type { AgentUse, Credential, EffectivePermissions } from './types.js';
import { actionMatches } from './uses.js';
import { stepLabel } from '../workflow/step-label.js';
import { remoteActionName, usesWithoutRef } from '../workflow/uses-reference.js';

/** An agent action that trades the job's OIDC token for its own GitHub App token. */
export interface TokenExchange {
  readonly agent: string;
  readonly issuer: string;
  readonly note: string;
  readonly at: SourceLocation;
}

export interface CredentialInput {
  readonly workflow: Workflow;
  readonly job: Job;
  readonly permissions: EffectivePermissions;
  readonly secretUses: readonly SecretUse[];
  readonly agents: readonly AgentUse[];
  readonly cloudLogins: readonly CloudLogin[];
  readonly tokenExchanges: readonly TokenExchange[];
  readonly productionPatterns: readonly string[];
  readonly repository: string | undefined;
}

/** Secret names used as GitHub tokens (PAT-like), and inputs that take a GitHub token. */
const PAT_NAME =
  /(^|_)(PAT|PERSONAL_ACCESS_TOKEN|GH_TOKEN|GH_PAT|BOT_TOKEN|GITHUB_TOKEN|GITHUB_PAT|REPO_TOKEN|RELEASE_TOKEN)(_|$)/;
const TOKEN_INPUT = /^(token|github[-_]token|gh[-_]token|repo[-_]token|GITHUB_TOKEN|GH_TOKEN)$/i;
/** Static cloud keys: long-lived credentials to a cloud account. */
const CLOUD_KEY =
  /^(AWS_SECRET_ACCESS_KEY|AWS_ACCESS_KEY_ID|AZURE_CREDENTIALS|AZURE_CLIENT_SECRET|GCP_SA_KEY|GCP_CREDENTIALS|GOOGLE_CREDENTIALS|GOOGLE_APPLICATION_CREDENTIALS|GCLOUD_SERVICE_KEY|DIGITALOCEAN_ACCESS_TOKEN)$/;
const MODEL_KEY_INPUT = /api[-_]?key|oauth[-_]?token|auth[-_]?token/i;

export function buildCredentials(input: CredentialInput): Credential[] {
  const credentials: Credential[] = [githubToken(input)];
  if (input.permissions.scopes['id-token'] === 'write') credentials.push(oidc(input));
  credentials.push(...appTokens(input), ...exchangedTokens(input), ...secrets(input));
  return credentials;
}

function stepOf(job: Job, index: number): Step | undefined {
  return job.steps.find((s) => s.index === index);
}

function githubToken({ permissions, repository, job }: CredentialInput): Credential {
  const writes = writeScopes(permissions).filter((s) => s !== 'id-token');
  const narrow = writes.every((s) => CONVERSATION_SCOPES.includes(s));
  const usedIn = job.steps
    .filter(
      (s) =>
        s.uses ||
        referencesGithubToken(
          [s.run ?? '', ...s.with.map((w) => w.value), ...s.env.map((e) => e.value)].join('\n'),
        ),
    )
    .map(
      (s) =>
        `${stepLabel(s)}${s.usesRef ? ` (${usesWithoutRef(s.usesRef)}, which may read it by default)` : ''}`,
    );
  return {
    id: 'github-token',
    kind: 'github-token',
    name: 'GITHUB_TOKEN',
    lifetime: 'job-scoped',
    scope: narrow ? 'narrow' : 'broad',
    write: writes.length > 0,
    production: false,
    reaches: [`github:${repository ?? 'this-repository'}`],
    note: [
      writes.length === 0 ? 'read-only' : `write: ${writes.join(', ')}`,
      permissions.assumed ? 'repository default assumed permissive' : undefined,
      permissions.downgrade,
    ]
      .filter(Boolean)
      .join('; '),
    usedIn,
    at: permissions.at,
  };
}

function oidc({ permissions, cloudLogins, job }: CredentialInput): Credential {
  const consumers = cloudLogins.filter((l) => l.mode === 'oidc');
  return {
    id: 'oidc',
    kind: 'oidc',
    name: 'OIDC token (id-token: write)',
    lifetime: 'short-lived',
    scope: 'broad',
    write: true,
    production: false,
    reaches:
      consumers.length > 0
        ? consumers.map((c) => `cloud:${c.provider}:${c.target}`)
        : ['oidc:any-audience'],
    note:
      consumers.length > 0
        ? `exchanged for short-lived cloud credentials (${consumers.map((c) => c.provider).join(', ')}); any step can also request a token`
        : 'any step can request an OIDC token; what it reaches depends on the trust policies that accept it',
    usedIn: consumers.map((c) => stepLabel(stepOf(job, c.step) ?? ({ index: c.step } as Step))),
    at: permissions.at,
  };
}

function appTokens({ workflow, job }: CredentialInput): Credential[] {
  return job.steps
    .filter(
      (s) =>
        s.usesRef &&
        APP_TOKEN_ACTIONS.some((a) => actionMatches(remoteActionName(s.usesRef) ?? '', a)),
    )
    .map((s) => {
      const limits = s.with.filter((w) => w.key.startsWith('permission-'));
      const limited = limits.length > 0;
      // Narrow only when every write it asks for is a conversation scope (comment, label, status).
      const narrow =
        limited &&
        limits.every(
          (w) =>
            w.value !== 'write' || CONVERSATION_SCOPES.includes(w.key.slice('permission-'.length)),
        );
      return {
        id: `app-token:${s.id ?? s.index}`,
        kind: 'app-token' as const,
        name: `GitHub App token (${stepLabel(s)})`,
        lifetime: 'short-lived' as const,
        scope: narrow ? ('narrow' as const) : ('broad' as const),
        write: !limited || limits.some((w) => w.value === 'write'),
        production: false,
        reaches: ['github:app-installation'],
        note: limited
          ? 'permissions limited by permission-* inputs'
          : 'no permission-* inputs: every permission the App installation has',
        usedIn: job.steps
          .filter(
            (t) =>
              s.id &&
              [t.run ?? '', ...t.with.map((w) => w.value), ...t.env.map((e) => e.value)]
                .join('\n')
                .includes(`steps.${s.id}.outputs.token`),
          )
          .map((s) => stepLabel(s)),
        at: locate(workflow.source, [...s.at, 'uses']),
      };
    });
}

/** Agent actions that swap the job's OIDC token for their own App token: not bounded by `permissions:`. */
function exchangedTokens({ tokenExchanges }: CredentialInput): Credential[] {
  return tokenExchanges.map((x) => ({
    id: `app-token:${x.agent}`,
    kind: 'app-token' as const,
    name: `${x.agent} App token (OIDC exchange with ${x.issuer})`,
    lifetime: 'short-lived' as const,
    scope: 'broad' as const,
    write: true,
    production: false,
    reaches: ['github:app-installation'],
    note: `${x.note}; not bounded by the job's permissions: block`,
    usedIn: [`the ${x.agent} step`],
    at: x.at,
  }));
}

function describeUse(use: SecretUse, job: Job): string {
  const where =
    use.reach === 'job'
      ? 'every step (job or workflow env)'
      : stepLabel(stepOf(job, use.reach) ?? ({ index: use.reach } as Step));
  const into = use.into.key
    ? ` ${use.into.kind} ${use.into.key}`
    : use.into.kind === 'script'
      ? ' script'
      : ` ${use.into.kind}`;
  return `${where}${into}`;
}

function secrets(input: CredentialInput): Credential[] {
  const byName = new Map<string, SecretUse[]>();
  for (const use of input.secretUses) {
    if (use.name === 'GITHUB_TOKEN') continue;
    byName.set(use.name, [...(byName.get(use.name) ?? []), use]);
  }
  const result: Credential[] = [];
  if (input.job.secrets === 'inherit') {
    result.push({
      id: 'secrets:inherit',
      kind: 'inherited-secrets',
      name: 'secrets: inherit',
      lifetime: 'long-lived',
      scope: 'broad',
      write: true,
      production: false,
      reaches: ['unknown'],
      note: 'every organization, repository and environment secret of the caller',
      usedIn: [`reusable workflow ${input.job.uses ?? ''}`],
      at: locate(input.workflow.source, [...input.job.at, 'secrets']),
    });
  }
  for (const [name, uses] of byName) {
    const first = uses[0];
    if (!first) continue;
    const usedIn = [...new Set(uses.map((u) => describeUse(u, input.job)))];
    if (name === '*') {
      result.push({
        id: 'secrets:*',
        kind: 'static-secret',
        name: first.form === 'all' ? 'toJSON(secrets)' : 'secrets[<dynamic>]',
        lifetime: 'long-lived',
        scope: 'broad',
        write: true,
        production: true,
        reaches: ['unknown'],
        note: 'all secrets of the repository are exposed to this job',
        usedIn,
        at: first.at,
      });
      continue;
    }
    result.push(namedSecret(name, uses, usedIn, input));
  }
  return result;
}

function namedSecret(
  name: string,
  uses: readonly SecretUse[],
  usedIn: string[],
  input: CredentialInput,
): Credential {
  const first = uses[0] as SecretUse;
  const provider = modelProvider(name, uses, input.agents);
  const pat =
    !provider &&
    (PAT_NAME.test(name) ||
      uses.some((u) => u.into.key !== undefined && TOKEN_INPUT.test(u.into.key)));
  const cloud = input.cloudLogins.find(
    (l) => l.mode === 'static' && uses.some((u) => u.reach === l.step),
  );
  const reaches = provider
    ? [`model-provider:${provider}`]
    : pat
      ? ['github:unknown-scope']
      : cloud
        ? [`cloud:${cloud.provider}:static-key`]
        : CLOUD_KEY.test(name)
          ? ['cloud:static-key']
          : ['unknown'];
  return {
    id: `secret:${name}`,
    kind: pat ? 'pat' : 'static-secret',
    name,
    lifetime: 'long-lived',
    scope: provider ? 'narrow' : 'broad',
    write: !provider,
    production: nameLooksLike(name, input.productionPatterns),
    reaches,
    note: provider
      ? `model API key passed only to the ${provider} agent that uses it`
      : pat
        ? 'used as a GitHub token: a long-lived token whose scope the workflow cannot show'
        : cloud
          ? `a static ${cloud.provider} key: long-lived cloud credentials`
          : 'long-lived secret; its reach is not visible from the workflow',
    usedIn,
    at: first.at,
  };
}

/**
 * An agent's own model key is narrow: every reference sits in a step that runs that agent,
 * and the name is one the agent consumes (or it goes into an API-key input of the agent).
 */
function modelProvider(
  name: string,
  uses: readonly SecretUse[],
  agents: readonly AgentUse[],
): string | undefined {
  let vendor: string | undefined;
  for (const use of uses) {
    if (use.reach === 'job') return undefined;
    const owner = agents
      .filter((a) => a.step === use.reach)
      .find((a) => {
        const compiled = AGENTS.find((c) => c.entry.id === a.id);
        if (!compiled) return false;
        if (compiled.secretNames.includes(name)) return true;
        return (
          use.into.kind === 'input' &&
          use.into.key !== undefined &&
          MODEL_KEY_INPUT.test(use.into.key)
        );
      });
    if (!owner) return undefined;
    const v = AGENTS.find((c) => c.entry.id === owner.id)?.entry.vendor.toLowerCase();
    if (vendor !== undefined && v !== vendor) return undefined;
    vendor = v;
  }
  return vendor;
}
