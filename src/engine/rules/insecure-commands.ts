/**
 * insecure-commands — `ACTIONS_ALLOW_UNSECURE_COMMANDS` re-enables the deprecated
 * `::set-env::` and `::add-path::` workflow commands, so anything a step prints (a log
 * line, a file's content, a pull request title) can set environment variables and PATH for
 * the rest of the job. zizmor's `insecure-commands` (C#-bool truthiness), plus the same
 * variable written to `$GITHUB_ENV`.
 */
import type { YamlPath } from '../workflow/source.js';
import { dataAt } from '../workflow/plain-data.js';
import type { RuleHit } from './types.js';
import { defineRule } from './types.js';
import { hasExpression } from '../workflow/expressions/fences.js';
import { stepLabel } from '../workflow/step-label.js';

interface Options {
  /** Report an `env:` block that is itself an expression (zizmor's auditor-only variant). */
  readonly 'expression-env': boolean;
}

const NAME = 'ACTIONS_ALLOW_UNSECURE_COMMANDS';
const ENV_WRITE = /ACTIONS_ALLOW_UNSECURE_COMMANDS\s*=\s*["']?true\b[^\n]*GITHUB_ENV/gi;

export default defineRule<Options>({
  meta: {
    id: 'insecure-commands',
    title: '`ACTIONS_ALLOW_UNSECURE_COMMANDS` enabled',
    description:
      'The deprecated `::set-env::` / `::add-path::` commands are parsed from step output again: any text a step prints — including text from an issue, a pull request or a downloaded file — can set environment variables (`LD_PRELOAD`, `NODE_OPTIONS`, …) or PATH for later steps, which is code execution.',
    severity: 'high',
    confidence: 'high',
    category: 'workflow',
    messages: {
      expressionEnv: '{{where}} `env:` is an expression and may set {{name}}',
      sets: '{{where}} sets {{name}}: {{value}}',
      setsExpression: '{{where}} sets {{name}} from an expression (`{{value}}`) that may be true',
      writesEnv: '{{where}} writes {{name}}=true to $GITHUB_ENV for the rest of the job',
    },
    peers: ['zizmor:insecure-commands', 'octoscan:unsecure-commands'],
    defaults: { baseline: 'approval-required', strict: 'blocked' },
    remediation:
      'Remove `ACTIONS_ALLOW_UNSECURE_COMMANDS` and write to `$GITHUB_ENV` / `$GITHUB_PATH` instead; upgrade any action that still needs `set-env` / `add-path`.',
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        'expression-env': {
          type: 'boolean',
          description:
            'Also report an `env:` block that is itself an expression (`env: ${{ matrix.env }}`), which may set the variable; low severity and confidence, like zizmor’s auditor persona.',
        },
      },
    },
  },
  defaultOptions: { 'expression-env': false },
  check({ workflow, job, options, locate, locateIn }) {
    const root = workflow.source.data;
    const hits: RuleHit[] = [];
    const scan = (at: YamlPath, where: string, scope: 'workflow' | 'job'): void => {
      const env = dataAt(root, at);
      if (typeof env === 'string' && hasExpression(env)) {
        if (options['expression-env'])
          hits.push({
            at: locate(at),
            messageId: 'expressionEnv',
            data: { where, name: NAME },
            severity: 'low',
            confidence: 'low',
            scope,
          });
        return;
      }
      if (env === null || typeof env !== 'object' || !(NAME in env)) return;
      const value = (env as Record<string, unknown>)[NAME];
      const text = typeof value === 'string' ? value : String(value);
      if (text.trim().toLowerCase() === 'true') {
        hits.push({
          at: locate([...at, NAME], { key: true }),
          messageId: 'sets',
          data: { where, name: NAME, value: text },
          scope,
        });
      } else if (hasExpression(text)) {
        hits.push({
          at: locate([...at, NAME], { key: true }),
          messageId: 'setsExpression',
          data: { where, name: NAME, value: text },
          confidence: 'low',
          scope,
        });
      }
    };
    scan(['env'], 'the workflow', 'workflow');
    scan([...job.at, 'env'], `job \`${job.id}\``, 'job');
    for (const step of job.steps) {
      const where = `${stepLabel(step, 'name')} of job \`${job.id}\``;
      scan([...step.at, 'env'], where, 'job');
      if (step.run === undefined) continue;
      for (const m of step.run.matchAll(ENV_WRITE)) {
        hits.push({
          at: locateIn([...step.at, 'run'], m.index),
          messageId: 'writesEnv',
          data: { where, name: NAME },
          confidence: 'medium',
        });
      }
    }
    return hits;
  },
});
