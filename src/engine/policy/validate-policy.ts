/**
 * Validates a policy document against policies/schema.json with the validator compiled at
 * build time (ajv standalone), and reports each schema error as file:line:column.
 */
import type { ErrorObject } from 'ajv';
import validate from '../../generated/policy-validator.js';
import { InputError, formatLocation } from '../errors.js';
import { locate } from '../workflow/source.js';
import type { SourceFile, YamlPath } from '../workflow/source.js';
import { didYouMean } from './suggest.js';

export function validatePolicyDocument(source: SourceFile): void {
  if (validate(source.data)) return;
  const problems = describe(source, validate.errors ?? []);
  const [first, ...rest] = problems;
  throw new InputError(`invalid policy: ${first?.message ?? 'does not match the schema'}`, {
    location: first?.at,
    details: rest.map((p) => `${formatLocation(p.at)}: ${p.message}`),
  });
}

interface Problem {
  readonly at: ReturnType<typeof locate>;
  readonly message: string;
}

/**
 * Keeps the errors a user can act on: combinator summaries (oneOf/anyOf/if) are dropped
 * when a more specific error exists under the same path; duplicates are merged.
 */
function describe(source: SourceFile, errors: readonly ErrorObject[]): Problem[] {
  const specific = errors.filter((e) => !['oneOf', 'anyOf', 'if'].includes(e.keyword));
  const chosen = pickPerPath(specific.length > 0 ? specific : [...errors]);
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const error of chosen) {
    const path = toYamlPath(error.instancePath);
    const extra =
      error.keyword === 'additionalProperties'
        ? String((error.params as { additionalProperty: string }).additionalProperty)
        : undefined;
    const at =
      extra !== undefined ? locate(source, [...path, extra], { key: true }) : locate(source, path);
    const message = `${where(path, extra)}${messageOf(error)}`;
    const key = `${formatLocation(at)} ${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ at, message });
  }
  return problems.sort((a, b) => a.at.line - b.at.line || a.at.column - b.at.column);
}

/** For `type` / `enum` / `const` alternatives at one path (from oneOf branches), say it once. */
function pickPerPath(errors: ErrorObject[]): ErrorObject[] {
  const byPath = new Map<string, ErrorObject[]>();
  for (const e of errors) byPath.set(e.instancePath, [...(byPath.get(e.instancePath) ?? []), e]);
  const out: ErrorObject[] = [];
  for (const group of byPath.values()) {
    const structural = group.filter(
      (e) => e.keyword === 'additionalProperties' || e.keyword === 'required',
    );
    out.push(...(structural.length > 0 ? structural : group.slice(0, 1)));
  }
  return out;
}

/**
 * The keys of the policy's top level and its fixed sections, for "did you mean" on an unknown
 * key (policies/schema.json is compiled at build time; a test keeps this list equal to it).
 */
export const POLICY_KEYS: Readonly<Record<string, readonly string[]>> = {
  '': [
    'version',
    'extends',
    'default',
    'production',
    'evidence',
    'actions',
    'repository',
    'rules',
    'checks',
    'approval',
    'waivers',
  ],
  evidence: ['required'],
  actions: ['trusted'],
  repository: ['default-permissions'],
  approval: ['approvers', 'min-approvals', 'timeout-minutes'],
};

function messageOf(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const known = POLICY_KEYS[error.instancePath.slice(1)];
      return `unknown key \`${key}\`${known ? didYouMean(key, known) : ''}`;
    }
    case 'required':
      return `missing required key \`${String(params.missingProperty)}\``;
    case 'enum':
      return `must be one of: ${(params.allowedValues as unknown[]).map(String).join(', ')}`;
    case 'const':
      return `must be ${JSON.stringify(params.allowedValue)}`;
    case 'type':
      return `must be ${String(params.type)}`;
    case 'pattern':
      return `does not match the expected form (${String(params.pattern)})`;
    default:
      return error.message ?? `fails ${error.keyword}`;
  }
}

function where(path: YamlPath, extra: string | undefined): string {
  if (extra !== undefined) return path.length > 0 ? `${path.join('.')}: ` : '';
  return path.length > 0 ? `${path.join('.')}: ` : '';
}

function toYamlPath(pointer: string): YamlPath {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}
