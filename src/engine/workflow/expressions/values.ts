/**
 * The values of the static `if:` evaluator (condition.ts) and GitHub's rules for them: loose
 * equality (strings ignore case, mixed types compare as numbers), truthiness, the functions
 * it models. A value is known, a string known by its prefix, or unknown (perhaps with a
 * known truthiness).
 */
export type Scalar = string | number | boolean | null;
export type Value =
  | { readonly k: 'known'; readonly v: Scalar }
  | { readonly k: 'prefix'; readonly p: string }
  | { readonly k: 'unknown'; readonly truth?: boolean };

export const UNKNOWN: Value = { k: 'unknown' };
export const known = (v: Scalar): Value => ({ k: 'known', v });

export function truthOf(v: Value): boolean | undefined {
  if (v.k === 'known') {
    const x = v.v;
    if (x === null || x === false || x === '' || x === 0) return false;
    if (typeof x === 'number' && Number.isNaN(x)) return false;
    return true;
  }
  if (v.k === 'prefix') return v.p.length > 0 ? true : undefined;
  return v.truth;
}

export function toNumber(x: Scalar): number {
  if (x === null) return 0;
  if (typeof x === 'boolean') return x ? 1 : 0;
  if (typeof x === 'number') return x;
  const t = x.trim();
  if (t === '') return 0;
  if (/^0x[0-9a-f]+$/i.test(t)) return parseInt(t, 16);
  const n = Number(t);
  return Number.isNaN(n) ? NaN : n;
}

export function toText(x: Scalar): string {
  if (x === null) return '';
  if (typeof x === 'boolean') return x ? 'true' : 'false';
  return String(x);
}

/** GitHub's loose equality: strings ignore case; mixed types compare as numbers. */
export function looseEquals(a: Scalar, b: Scalar): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  if (typeof a === typeof b && a !== null && b !== null) return a === b;
  if (a === null && b === null) return true;
  const x = toNumber(a);
  const y = toNumber(b);
  return !Number.isNaN(x) && !Number.isNaN(y) && x === y;
}

export function equals(a: Value, b: Value): boolean | undefined {
  if (a.k === 'known' && b.k === 'known') return looseEquals(a.v, b.v);
  const [p, other] = a.k === 'prefix' ? [a, b] : b.k === 'prefix' ? [b, a] : [undefined, a];
  if (p?.k === 'prefix' && other.k === 'known' && typeof other.v === 'string')
    return other.v.toLowerCase().startsWith(p.p.toLowerCase()) ? undefined : false;
  return undefined;
}

export function compare(op: string, a: Value, b: Value): Value {
  if (a.k !== 'known' || b.k !== 'known') return UNKNOWN;
  let x: string | number = toNumber(a.v);
  let y: string | number = toNumber(b.v);
  if (typeof a.v === 'string' && typeof b.v === 'string') {
    x = a.v.toLowerCase();
    y = b.v.toLowerCase();
  } else if (Number.isNaN(x) || Number.isNaN(y)) return known(false);
  if (op === '<') return known(x < y);
  if (op === '<=') return known(x <= y);
  if (op === '>') return known(x > y);
  return known(x >= y);
}

export function fromTruth(t: boolean | undefined): Value {
  return t === undefined ? UNKNOWN : known(t);
}

export function callFunction(name: string, args: Value[]): Value {
  const [a, b] = args;
  switch (name) {
    case 'always':
      return known(true);
    case 'success':
    case 'failure':
    case 'cancelled':
      return UNKNOWN;
    case 'startswith':
      return startsWith(a, b);
    case 'endswith':
      if (a?.k === 'known' && b?.k === 'known')
        return known(toText(a.v).toLowerCase().endsWith(toText(b.v).toLowerCase()));
      return UNKNOWN;
    case 'contains':
      if (a?.k === 'known' && b?.k === 'known')
        return known(toText(a.v).toLowerCase().includes(toText(b.v).toLowerCase()));
      return UNKNOWN;
    default:
      return UNKNOWN;
  }
}

function startsWith(a: Value | undefined, b: Value | undefined): Value {
  if (a?.k === 'known' && b?.k === 'known')
    return known(toText(a.v).toLowerCase().startsWith(toText(b.v).toLowerCase()));
  if (a?.k === 'prefix' && b?.k === 'known') {
    const p = a.p.toLowerCase();
    const s = toText(b.v).toLowerCase();
    if (p.startsWith(s)) return known(true);
    return s.startsWith(p) ? UNKNOWN : known(false);
  }
  return UNKNOWN;
}
