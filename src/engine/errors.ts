/**
 * The error hierarchy shared by engine and adapters. An `InputError` is something the user
 * can fix (bad YAML, invalid policy, unknown job, missing file): exit 2 in the CLI, a failed
 * step in the action. Anything else is an internal error. Both end in a failed, blocked
 * result — a crash is never "allow".
 */

/** A position in a source file, 1-based. */
export interface SourceLocation {
  readonly path: string;
  readonly line: number;
  readonly column: number;
}

export function formatLocation(at: SourceLocation): string {
  return `${at.path}:${at.line}:${at.column}`;
}

/** A problem with what the user gave us; the message names file:line:column when known. */
export class InputError extends Error {
  override readonly name = 'InputError';
  readonly location: SourceLocation | undefined;
  /** Further problems of the same kind (e.g. every schema error of a policy file). */
  readonly details: readonly string[];

  constructor(
    message: string,
    options: { location?: SourceLocation; details?: readonly string[]; cause?: unknown } = {},
  ) {
    super(options.location ? `${formatLocation(options.location)}: ${message}` : message, {
      cause: options.cause,
    });
    this.location = options.location;
    this.details = options.details ?? [];
  }
}

/** Turns anything thrown (not only Error) into an Error, once, at the edge. */
export function normalizeError(thrown: unknown): Error {
  if (thrown instanceof Error) return thrown;
  if (typeof thrown === 'string') return new Error(thrown);
  try {
    return new Error(`non-Error value thrown: ${JSON.stringify(thrown)}`);
  } catch {
    return new Error('non-Error value thrown');
  }
}

/** The full text of an error for a user: message plus details, one per line. */
export function describeError(error: Error): string {
  if (error instanceof InputError && error.details.length > 0) {
    return [error.message, ...error.details.map((d) => `  ${d}`)].join('\n');
  }
  return error.message;
}

/**
 * What a file that could not be evaluated reports (the scan goes on and exits 2): the input
 * error as the user should read it, anything else as an internal error of that file.
 */
export function fileErrorOf(file: string, thrown: unknown): { path: string; message: string } {
  const error = normalizeError(thrown);
  return {
    path: file,
    message:
      error instanceof InputError
        ? describeError(error)
        : `${file}: internal error while evaluating this file: ${error.message}`,
  };
}
