/**
 * GitHub logins are ASCII (letters, digits, hyphens; `[bot]` for apps), compared without
 * regard to case. Unicode case folding would make a Kelvin sign `K` (U+212A) equal `k`, so
 * logins are lower-cased for ASCII letters only, and a login with any character outside
 * printable ASCII is refused: it is not a GitHub login, whatever it looks like.
 */

/** The comparison key of a login, or undefined when it is not a printable-ASCII login. */
export function loginKey(login: string): string | undefined {
  if (login === '' || !/^[\x21-\x7e]+$/.test(login)) return undefined;
  return login.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
}

/** True when both are ASCII logins naming the same account. */
export function sameLogin(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  const key = loginKey(a);
  return key !== undefined && key === loginKey(b);
}

/** Why a login is refused, for the `ignored` list. */
export const NON_ASCII_LOGIN =
  'the login has characters GitHub logins never have (non-ASCII or control): refused';
