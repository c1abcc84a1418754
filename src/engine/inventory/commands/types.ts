/** The classifier's internal data: what a matcher found, and the state it reads a script with. */
import type { HitClass, ParsedCommand } from '../command-table.js';

export interface Finding {
  class: HitClass;
  kind: string;
  detail: string;
  target?: string | undefined;
}

export interface Context {
  readonly defaultBranches: ReadonlySet<string>;
  /** PowerShell / cmd scripts: `$x = …` is an assignment, not a computed command. */
  readonly posix: boolean;
  /**
   * False once the script may have left the job's workspace (`cd /`, `cd "$DIR"`, an absolute
   * `working-directory:`): from then on `rm -rf *` no longer means the job's own checkout.
   */
  inWorkspace: boolean;
}

/** A rule ready to run: tools as a set, path parsed into alternatives of steps of options. */
export interface Matcher {
  readonly paths: readonly (readonly (readonly string[])[])[];
  readonly run: (c: ParsedCommand, rest: readonly string[], ctx: Context) => Finding[];
}

export type Analyzer = Matcher['run'];
