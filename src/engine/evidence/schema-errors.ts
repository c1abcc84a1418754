/**
 * Schema errors (from the generated ajv validators) as short sentences naming the JSON
 * pointer, for the error buildEvidence throws and the problems verifyPack lists.
 */
import type { ErrorObject } from 'ajv';

/** The combinator summaries (oneOf / anyOf / if) are dropped when a more specific error exists. */
export function describeSchemaErrors(
  file: string,
  errors: readonly ErrorObject[] | null | undefined,
  limit = 10,
): string[] {
  const all = errors ?? [];
  const specific = all.filter((e) => !['oneOf', 'anyOf', 'if'].includes(e.keyword));
  const chosen = specific.length > 0 ? specific : [...all];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const e of chosen) {
    const line = `${file}${e.instancePath || '/'}: ${messageOf(e)}`;
    if (seen.has(line)) continue;
    seen.add(line);
    out.push(line);
  }
  if (out.length === 0) out.push(`${file}: does not match its schema`);
  if (out.length > limit)
    return [...out.slice(0, limit), `${file}: … and ${out.length - limit} more schema errors`];
  return out;
}

function messageOf(e: ErrorObject): string {
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties':
      return `unknown key \`${String(params.additionalProperty)}\``;
    case 'required':
      return `missing required key \`${String(params.missingProperty)}\``;
    case 'enum':
      return `must be one of: ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'const':
      return `must be ${JSON.stringify(params.allowedValue)}`;
    case 'type':
      return `must be ${String(params.type)}`;
    default:
      return e.message ?? `fails ${e.keyword}`;
  }
}
