/**
 * Validates a rule's `options` from the policy against the rule's own JSON Schema. Ajv is
 * loaded only when a policy passes options, so the common path pays nothing for it.
 */
import type { ErrorObject } from 'ajv';
import { InputError, formatLocation } from '../errors.js';
import type { Rule } from '../rules/types.js';
import { locate } from '../workflow/source.js';
import type { SourceFile, YamlPath } from '../workflow/source.js';

type Validator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

const compiled = new Map<string, Validator>();

export async function compileRuleOptions(rule: Rule<unknown>): Promise<Validator> {
  const cached = compiled.get(rule.meta.id);
  if (cached) return cached;
  const mod = (await import('ajv/dist/2020.js')) as unknown as {
    default: { default?: new (o: object) => AjvLike } & (new (o: object) => AjvLike);
  };
  const Ajv = mod.default.default ?? mod.default;
  const ajv = new Ajv({ allErrors: true, strict: true });
  const validate = ajv.compile(rule.meta.options);
  compiled.set(rule.meta.id, validate);
  return validate;
}

interface AjvLike {
  compile(schema: object): Validator;
}

export async function validateRuleOptions(
  rule: Rule<unknown>,
  options: unknown,
  source: SourceFile,
  at: YamlPath,
): Promise<void> {
  const validate = await compileRuleOptions(rule);
  if (validate(options)) return;
  const problems = (validate.errors ?? []).map((e) => {
    const sub = e.instancePath
      .split('/')
      .slice(1)
      .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    const extra =
      e.keyword === 'additionalProperties'
        ? String((e.params as { additionalProperty: string }).additionalProperty)
        : undefined;
    const where =
      extra !== undefined
        ? locate(source, [...at, ...sub, extra], { key: true })
        : locate(source, [...at, ...sub]);
    const what =
      extra !== undefined ? `unknown option \`${extra}\`` : (e.message ?? `fails ${e.keyword}`);
    return { where, message: `${[...at, ...sub].join('.')}: ${what}` };
  });
  const [first, ...rest] = problems;
  throw new InputError(
    `invalid options for check \`${rule.meta.id}\`: ${first?.message ?? 'do not match its schema'}`,
    {
      location: first?.where,
      details: rest.map((p) => `${formatLocation(p.where)}: ${p.message}`),
    },
  );
}
