/**
 * The credentials a job holds (DESIGN.md §4 credential kinds): the GITHUB_TOKEN with its
 * effective scopes, OIDC, App tokens minted in steps, and every secret by name — with its
 * lifetime, whether it is narrow or broad, and what it reaches. Values are never seen.
 */
import { nameLooksLike } from '../glob.js';
import type { Job, Workflow } from '../workflow/model.js';
import { locate } from '../workflow/source.js';
import { AGENTS } from './agent-catalog.js';
import { APP_TOKEN_ACTIONS } from './action-table.js';
import { CONVERSATION_SCOPES, writeScopes } from './permissions.js';
import type { SecretUse } from './secret-flow.js';
import type { AgentUse, Credential, EffectivePermissions } from './types.js';
import { actionMatches } from './uses.js';

export interface CredentialInput {
  readonly workflow: Workflow;
  readonly job: Job;
  readonly permissions: EffectivePermissions;
  readonly secretUses: readonly SecretUse[];
  readonly agents: readonly AgentUse[];
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
  if (input.permissions.scopes['id-token'] === 'write') {
    credentials.push({
      id: 'oidc',
      kind: 'oidc',
      name: 'OIDC token (id-token: write)',
      lifetime: 'short-lived',
      scope: 'broad',
      write: true,
      production: false,
      reaches: ['oidc:any-audience'],
      note: 'any step can request an OIDC token; what it reaches depends on the cloud trust policies that accept it',
      at: input.permissions.at,
    });
  }
  credentials.push(...appTokens(input), ...secrets(input));
  return credentials;
}

function githubToken({ permissions, repository }: CredentialInput): Credential {
  const writes = writeScopes(permissions).filter((s) => s !== 'id-token');
  const narrow = writes.every((s) => CONVERSATION_SCOPES.includes(s));
  return {
    id: 'github-token',
    kind: 'github-token',
    name: 'GITHUB_TOKEN',
    lifetime: 'job-scoped',
    scope: narrow ? 'narrow' : 'broad',
    write: writes.length > 0,
    production: false,
    reaches: [`github:${repository ?? 'this-repository'}`],
    note:
      writes.length === 0
        ? 'read-only'
        : `write: ${writes.join(', ')}${permissions.assumed ? ' (repository default assumed permissive)' : ''}`,
    at: permissions.at,
  };
}

function appTokens({ workflow, job }: CredentialInput): Credential[] {
  return job.steps
    .filter(
      (s) => s.uses && APP_TOKEN_ACTIONS.some((a) => actionMatches(s.uses?.split('@')[0] ?? '', a)),
    )
    .map((s) => {
      const limited = s.with.some(
        (w) => w.key.startsWith('permission-') || w.key === 'permissions',
      );
      return {
        id: `app-token:${s.id ?? s.index}`,
        kind: 'app-token' as const,
        name: `GitHub App token (step ${s.id ?? s.index + 1})`,
        lifetime: 'short-lived' as const,
        scope: 'broad' as const,
        write: true,
        production: false,
        reaches: ['github:app-installation'],
        note: limited
          ? 'permissions limited by permission-* inputs'
          : 'no permission-* inputs: every permission the App installation has',
        at: locate(workflow.source, [...s.at, 'uses']),
      };
    });
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
      at: locate(input.workflow.source, [...input.job.at, 'secrets']),
    });
  }
  for (const [name, uses] of byName) {
    const first = uses[0];
    if (!first) continue;
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
        at: first.at,
      });
      continue;
    }
    const provider = modelProvider(name, uses, input.agents);
    const pat =
      PAT_NAME.test(name) ||
      uses.some((u) => u.into.key !== undefined && TOKEN_INPUT.test(u.into.key));
    result.push({
      id: `secret:${name}`,
      kind: pat && !provider ? 'pat' : 'static-secret',
      name,
      lifetime: 'long-lived',
      scope: provider ? 'narrow' : 'broad',
      write: provider ? false : true,
      production: nameLooksLike(name, input.productionPatterns),
      reaches: provider
        ? [`model-provider:${provider}`]
        : pat
          ? ['github:unknown-scope']
          : CLOUD_KEY.test(name)
            ? ['cloud:static-key']
            : ['unknown'],
      note: provider
        ? `model API key passed only to the ${provider} agent that uses it`
        : pat
          ? 'used as a GitHub token: a long-lived token whose scope the workflow cannot show'
          : 'long-lived secret; its reach is not visible from the workflow',
      at: first.at,
    });
  }
  return result;
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
    const onStep = agents.filter((a) => a.step === use.reach);
    const owner = onStep.find((a) => {
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

export function isCloudKey(name: string): boolean {
  return CLOUD_KEY.test(name);
}
