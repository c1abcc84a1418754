/**
 * github-env — a `run:` step of a workflow an outsider can start writes text that can carry
 * attacker input into `$GITHUB_ENV`, `$GITHUB_PATH` or `$GITHUB_OUTPUT`. A newline in that
 * text sets any variable for the rest of the job (`LD_PRELOAD`, `NODE_OPTIONS`, `BASH_ENV`),
 * puts an attacker directory first on PATH, or forges step outputs.
 *
 * zizmor's `github-env` (ENV, PATH; `pull_request_target` / `workflow_run`) and octoscan's
 * `dangerous-write` (adds OUTPUT), made precise: a literal value (`echo "FOO=bar"`, printf
 * literals), a runner-controlled one (`${{ github.workspace }}`, `$RUNNER_TOOL_CACHE`, `$HOME`)
 * or a variable the workflow sets to such values is not reported; the confidence follows
 * what the value can carry (free text from the event > shaped text > unknown command output).
 */
import { splitCommands, type SimpleCommand } from '../inventory/shell.js';
import type { Step } from '../workflow/model.js';
import { offsetOf } from '../workflow/text-position.js';
import { taintedContexts } from '../workflow/expressions/dataflow.js';
import { dataAt } from '../workflow/plain-data.js';
import { OUTSIDER_PRIVILEGED_EVENTS } from '../workflow/event-sets.js';
import type { Confidence, RuleHit } from './types.js';
import { defineRule } from './types.js';
import { POSIX_SHELLS } from '../inventory/shell-names.js';

type FileName = 'GITHUB_ENV' | 'GITHUB_PATH' | 'GITHUB_OUTPUT';

export interface GithubEnvOptions {
  /** Which environment files to watch. */
  readonly files: readonly FileName[];
}

/** 0 = literal or runner-controlled, 1 = unknown text, 2 = shaped outsider text, 3 = free text. */
type Level = 0 | 1 | 2 | 3;

const MAX_HITS_PER_STEP = 50;

const CONFIDENCE: Record<Exclude<Level, 0>, Confidence> = { 1: 'low', 2: 'medium', 3: 'high' };

/** Variables the runner sets (or shells define) that an outsider cannot shape. */
const RUNNER_VARS = new Set(
  (
    'GITHUB_WORKSPACE GITHUB_SHA GITHUB_RUN_ID GITHUB_RUN_NUMBER GITHUB_RUN_ATTEMPT GITHUB_REPOSITORY ' +
    'GITHUB_REPOSITORY_ID GITHUB_REPOSITORY_OWNER GITHUB_REPOSITORY_OWNER_ID GITHUB_SERVER_URL ' +
    'GITHUB_API_URL GITHUB_GRAPHQL_URL GITHUB_ACTION GITHUB_ACTION_PATH GITHUB_ACTION_REPOSITORY ' +
    'GITHUB_JOB GITHUB_EVENT_NAME GITHUB_EVENT_PATH GITHUB_WORKFLOW GITHUB_WORKFLOW_REF GITHUB_WORKFLOW_SHA ' +
    'GITHUB_ENV GITHUB_PATH GITHUB_OUTPUT GITHUB_STATE GITHUB_STEP_SUMMARY GITHUB_ACTOR GITHUB_ACTOR_ID ' +
    'GITHUB_TRIGGERING_ACTOR GITHUB_RETENTION_DAYS GITHUB_REF_TYPE GITHUB_REF_PROTECTED GITHUB_TOKEN ' +
    'RUNNER_TEMP RUNNER_TOOL_CACHE RUNNER_OS RUNNER_ARCH RUNNER_NAME RUNNER_WORKSPACE RUNNER_ENVIRONMENT ' +
    'RUNNER_DEBUG HOME PATH PWD OLDPWD USER TMPDIR HOSTNAME CI ImageOS ImageVersion RANDOM SECONDS ' +
    'LINENO UID EUID BASHPID PPID OSTYPE GOPATH GOROOT JAVA_HOME PYTHONPATH pythonLocation'
  ).split(' '),
);
/** Shaped or free outsider text the runner exposes as variables. */
const OUTSIDER_VARS: Readonly<Record<string, Level>> = {
  GITHUB_HEAD_REF: 3,
  GITHUB_REF: 2,
  GITHUB_REF_NAME: 2,
  GITHUB_BASE_REF: 2,
};
/** Commands whose output an outsider cannot shape (`$(date +%F)`, `$(pwd)`, …). */
const SAFE_COMMANDS = new Set(['date', 'pwd', 'nproc', 'uname', 'mktemp', 'whoami', 'id', 'arch']);
/** Commands that print nothing an outsider wrote (tests; control flow is not a command). */
const SILENT = new Set(['[', 'test', 'true', 'false', ':']);

/** A write target naming an environment file: `$GITHUB_ENV`, `"${GITHUB_PATH}"`, `${{ github.output }}`. */
const TARGET =
  /^"?(?:\$\{?(GITHUB_ENV|GITHUB_PATH|GITHUB_OUTPUT)|\$\{\{\s*github\.(env|path|output)\s*\}\})/;
const PWSH_WRITE =
  /(?:>>?|\b(?:Out-File|Add-Content|Set-Content|Tee-Object)\b[^\n]*?)\s*["']?\$env:(GITHUB_ENV|GITHUB_PATH|GITHUB_OUTPUT)\b/gi;
const CMD_WRITE = />>?\s*"?%(GITHUB_ENV|GITHUB_PATH|GITHUB_OUTPUT)%"?/gi;

export default defineRule<GithubEnvOptions>({
  meta: {
    id: 'github-env',
    title: 'Outsider-controlled text written to `$GITHUB_ENV` / `$GITHUB_PATH` / `$GITHUB_OUTPUT`',
    description:
      "In a workflow an outsider can start (`pull_request_target`, `workflow_run`, `issue_comment`, `issues`, discussions), a step writes a value that can carry attacker text into an environment file. A newline in it sets arbitrary variables for every later step (`LD_PRELOAD`, `NODE_OPTIONS`, `BASH_ENV` → code execution with the job's token and secrets), prepends a directory to PATH, or forges step outputs that later steps trust.",
    severity: 'high',
    confidence: 'medium',
    category: 'workflow',
    messages: {
      writes:
        'step {{step}}{{name}} of job `{{job}}` writes {{what}} to ${{file}} in a workflow {{events}} can start',
    },
    peers: ['zizmor:github-env', 'octoscan:dangerous-write'],
    defaults: { baseline: 'allow', strict: 'approval-required' },
    remediation:
      'Do not write event-derived text to environment files: pass it to later steps through `env:` of those steps (`env: TITLE: ${{ github.event.issue.title }}`), validate it against a strict pattern first, or use a random heredoc delimiter for multi-line values.',
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        files: {
          type: 'array',
          items: { enum: ['GITHUB_ENV', 'GITHUB_PATH', 'GITHUB_OUTPUT'] },
          uniqueItems: true,
          description: 'Environment files to watch.',
        },
      },
    },
  },
  defaultOptions: { files: ['GITHUB_ENV', 'GITHUB_PATH', 'GITHUB_OUTPUT'] },
  check({ workflow, job, inventory, options, locateIn }) {
    const events = inventory.triggers.filter((t) => OUTSIDER_PRIVILEGED_EVENTS.has(t));
    if (events.length === 0) return [];
    const root = workflow.source.data;
    const hits: RuleHit[] = [];
    for (const step of job.steps) {
      if (step.run === undefined) continue;
      const env = new Map<string, string>();
      for (const e of [...workflow.env, ...job.env, ...step.env]) env.set(e.key, e.value);
      const shell = shellOf(step, root, job.at, job.runsOn);
      const analyser = new ValueAnalyser(step.run, env);
      const writes =
        shell === 'pwsh'
          ? pwshWrites(step.run, analyser)
          : shell === 'cmd'
            ? cmdWrites(step.run, analyser)
            : shell === 'sh'
              ? shWrites(step.run, analyser)
              : [];
      let reported = 0;
      for (const w of writes) {
        if (w.level === 0 || !options.files.includes(w.file)) continue;
        // Real scripts write a handful of values; past this, more hits add nothing.
        if (++reported > MAX_HITS_PER_STEP) break;
        const output = w.file === 'GITHUB_OUTPUT';
        hits.push({
          at: locateIn([...step.at, 'run'], w.offset),
          messageId: 'writes',
          data: {
            step: step.index + 1,
            name: step.name ? ` (${step.name})` : '',
            job: job.id,
            what: describe(w.level),
            file: w.file,
            events: events.map((e) => `\`${e}\``).join(', '),
          },
          severity: output ? 'medium' : 'high',
          confidence: CONFIDENCE[w.level],
        });
      }
    }
    return hits;
  },
});

function describe(level: Exclude<Level, 0> | Level): string {
  return level === 3
    ? 'free text an outsider controls'
    : level === 2
      ? 'text an outsider can shape'
      : 'a value the workflow does not fix (command output or an unknown variable)';
}

function shellOf(
  step: Step,
  root: unknown,
  jobAt: readonly (string | number)[],
  runsOn: readonly string[],
): 'sh' | 'pwsh' | 'cmd' | 'other' {
  const declared =
    step.shell ??
    stringAt(root, [...jobAt, 'defaults', 'run', 'shell']) ??
    stringAt(root, ['defaults', 'run', 'shell']);
  if (declared === undefined) return runsOn.some((l) => /^windows/i.test(l)) ? 'pwsh' : 'sh';
  const name = declared.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  if (POSIX_SHELLS.has(name)) return 'sh';
  if (name === 'pwsh' || name === 'powershell') return 'pwsh';
  if (name === 'cmd') return 'cmd';
  return 'other';
}

function stringAt(root: unknown, path: readonly (string | number)[]): string | undefined {
  const v = dataAt(root, path);
  return typeof v === 'string' ? v : undefined;
}

interface Write {
  readonly file: FileName;
  readonly offset: number;
  readonly level: Level;
}

// ————————————————————————————————————————————————————— POSIX shells

/** The writes of the one shell model (inventory/shell): redirections and `tee` into env files. */
function shWrites(script: string, analyser: ValueAnalyser): Write[] {
  const { outputs } = splitCommands(script);
  const out: Write[] = [];
  for (const o of outputs) {
    const m = TARGET.exec(o.target);
    if (!m) continue;
    out.push({
      file: (m[1] ?? `GITHUB_${(m[2] ?? 'env').toUpperCase()}`) as FileName,
      offset: offsetOf(script, o.line, o.column) + Math.max(0, o.target.indexOf('$')),
      level: maxLevel(o.writers.map((c) => analyser.producer(c))),
    });
  }
  return out;
}

function firstWord(text: string): string {
  return /^\s*(\S*)/.exec(text)?.[1] ?? '';
}

function maskSingleQuoted(text: string): string {
  return text.replace(/'[^']*'/g, (s) => ' '.repeat(s.length));
}

// ————————————————————————————————————————————————————— PowerShell and cmd

function pwshWrites(script: string, analyser: ValueAnalyser): Write[] {
  return lineWrites(script, PWSH_WRITE, (line) => {
    let level = analyser.expressions(line);
    const masked = maskSingleQuoted(line).replace(/\$\{\{[\s\S]*?\}\}/g, '');
    for (const m of masked.matchAll(/\$env:([A-Za-z_]\w*)/gi)) {
      if (!/^GITHUB_(?:ENV|PATH|OUTPUT)$/i.test(m[1] ?? ''))
        level = maxLevel([level, analyser.variable(m[1] ?? '', 0)]);
    }
    if (/\$(?!env:|true\b|false\b|null\b)[A-Za-z_({]/i.test(masked)) level = maxLevel([level, 1]);
    return level;
  });
}

function cmdWrites(script: string, analyser: ValueAnalyser): Write[] {
  return lineWrites(script, CMD_WRITE, (line) => {
    let level = analyser.expressions(line);
    for (const m of line.matchAll(/%([A-Za-z_]\w*)%/g)) {
      if (!/^GITHUB_(?:ENV|PATH|OUTPUT)$/i.test(m[1] ?? ''))
        level = maxLevel([level, analyser.variable(m[1] ?? '', 0)]);
    }
    return level;
  });
}

function lineWrites(script: string, re: RegExp, levelOf: (line: string) => Level): Write[] {
  const out: Write[] = [];
  let lineStart = 0;
  for (const line of script.split('\n')) {
    for (const m of line.matchAll(re)) {
      const file = (m[1] ?? '').toUpperCase() as FileName;
      const offset = lineStart + m.index + Math.max(0, m[0].search(/[$%]/));
      out.push({ file, offset, level: levelOf(line) });
    }
    lineStart += line.length + 1;
  }
  return out;
}

// ————————————————————————————————————————————————————— what a value can carry

function maxLevel(levels: readonly Level[]): Level {
  return levels.reduce<Level>((a, b) => (b > a ? b : a), 0);
}

const MAX_DEPTH = 4;

class ValueAnalyser {
  private readonly memo = new Map<string, Level>();

  constructor(
    private readonly script: string,
    private readonly env: ReadonlyMap<string, string>,
  ) {}

  /** Level of the `${{ }}` expressions in `text` (substituted before any shell runs). */
  expressions(text: string): Level {
    let level: Level = 0;
    for (const ref of taintedContexts(text, this.env))
      level = maxLevel([level, ref.capability === 'arbitrary' ? 3 : 2]);
    return level;
  }

  /** Level of what a simple command prints. */
  producer(c: SimpleCommand): Level {
    const cmd = c.argv[0] ?? '';
    if (cmd === 'echo' || cmd === 'printf') return this.text(c.raw.slice(1).join(' '), 0);
    if (SILENT.has(cmd)) return 0;
    const heredocs = c.heredocs ?? [];
    const heredoc = heredocs[0];
    if (cmd === 'cat' && heredoc && c.argv.every((a, i) => i === 0 || a === '-')) {
      return heredoc.quoted ? this.expressions(heredoc.body) : this.text(heredoc.body, 0);
    }
    // Any other command: its output is not known to be fixed.
    return maxLevel([
      1,
      this.text(c.raw.join(' '), 0),
      ...heredocs.map((h) => this.text(h.body, 0)),
    ]);
  }

  /** Level of shell text: expressions, parameter expansions and command substitutions. */
  text(text: string, depth: number): Level {
    let level = this.expressions(text);
    const masked = maskSingleQuoted(text).replace(/\$\{\{[\s\S]*?\}\}/g, (s) =>
      ' '.repeat(s.length),
    );
    for (const m of masked.matchAll(/\$\(([^()]*(?:\([^()]*\)[^()]*)*)\)|`([^`]*)`/g)) {
      const inner = (m[1] ?? m[2] ?? '').trim();
      if (/GITHUB_EVENT_PATH/.test(inner)) level = maxLevel([level, 2]);
      else if (SAFE_COMMANDS.has(firstWord(inner)) || /^git\s+rev-parse\b/.test(inner))
        level = maxLevel([level, this.text(inner, depth + 1)]);
      else level = maxLevel([level, 1]);
    }
    const plain = masked.replace(/\$\([^)]*\)|`[^`]*`/g, '');
    for (const m of plain.matchAll(
      /\$(?:\{[#!]?([A-Za-z_]\w*)[^}]*\}|([A-Za-z_]\w*)|([0-9@*]))/g,
    )) {
      level = maxLevel([level, m[3] !== undefined ? 1 : this.variable(m[1] ?? m[2] ?? '', depth)]);
    }
    return level;
  }

  /** Level of a shell variable: runner-set, from `env:`, or assigned in the script. */
  variable(name: string, depth: number): Level {
    if (RUNNER_VARS.has(name)) return 0;
    const outsider = OUTSIDER_VARS[name];
    if (outsider !== undefined) return outsider;
    const fromEnv = [...this.env].find(([k]) => k === name)?.[1];
    if (fromEnv !== undefined) return this.expressions(fromEnv);
    if (depth >= MAX_DEPTH) return 1;
    const key = `${depth}\0${name}`;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    this.memo.set(key, 1); // a self-referencing assignment (`P="$P:x"`) stays unknown
    const level = this.assignedLevel(name, depth);
    this.memo.set(key, level);
    return level;
  }

  private assignedLevel(name: string, depth: number): Level {
    const assigned = [
      ...this.script.matchAll(
        new RegExp(
          String.raw`(?:^|[\s;&|(])(?:export\s+|local\s+|readonly\s+|declare\s+(?:-\w+\s+)*)?${name}=("(?:[^"\\]|\\.)*"|'[^']*'|\$\([^)]*\)|\S*)`,
          'g',
        ),
      ),
    ].map((m) => m[1] ?? '');
    const read = new RegExp(
      String.raw`\b(?:read|mapfile|readarray)\b[^\n;]*\b${name}\b|\bfor\s+${name}\s+in\b`,
    );
    if (assigned.length === 0 || read.test(this.script)) return 1;
    return maxLevel(assigned.map((v) => this.text(v, depth + 1)));
  }
}
