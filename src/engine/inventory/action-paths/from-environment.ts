/** Paths of a job's `environment:`: a deploy, production, or where its secrets come from. */
import { nameLooksLike } from '../../glob.js';
import { environmentNames } from '../environment-name.js';
import { conditionFacts } from '../run-conditions.js';
import { draft, type Draft, type PathInput } from './input.js';

/** Environment names that say the job ships (`release`, `pypi`, `github-pages`, `staging`…). */
const SHIPPING_ENVIRONMENT =
  /release|publish|deploy|promot|pypi|npm|crates|registry|pages|marketplace|stag(?:e|ing)|prod/i;

export function fromEnvironment(
  { environment, productionPatterns, credentials, context }: PathInput,
  stepDrafts: readonly Draft[],
): Draft[] {
  if (!environment) return [];
  const target = `environment:${environment.name}`;
  // A computed name is judged by the names it can take for this run; unknown ones may be
  // production (fail closed). Only empty names left: the job runs without an environment.
  const all = environment.dynamic
    ? environmentNames(environment.name, conditionFacts(context))
    : [environment.name];
  const names = all?.filter((n) => n !== '');
  if (names?.length === 0) return [];
  const matching = names?.find((n) => nameLooksLike(n, productionPatterns));
  const production = names === undefined || matching !== undefined;
  const shown =
    environment.dynamic && names !== undefined
      ? `${environment.name} (can be ${[...names, ...(all?.includes('') ? ['none'] : [])].join(' or ')})`
      : environment.name;
  const ships =
    names === undefined ||
    names.some((n) => SHIPPING_ENVIRONMENT.test(n)) ||
    stepDrafts.some((d) => d.class === 'deploy' || d.class === 'publish');
  // An environment is a deploy when the job ships something (by command, action or the
  // environment's own name) or the name says production; otherwise it is where the job's
  // secrets come from.
  const out = [
    production || ships
      ? draft('deploy', `runs in environment ${shown}`, environment.at, ['github-token'], {
          target,
        })
      : draft(
          'use-secret',
          `runs in environment ${shown} and can read its secrets (no deploy command, not a production name)`,
          environment.at,
          credentials
            .filter((c) => c.kind !== 'github-token' && c.kind !== 'oidc')
            .map((c) => c.id),
          { target },
        ),
  ];
  if (production)
    out.push(
      draft(
        'production',
        names === undefined
          ? `environment name is computed at run time (${environment.name}); treated as production`
          : environment.dynamic
            ? `environment name is computed at run time (${environment.name}); it can be ${matching}, which matches the production patterns`
            : `environment ${environment.name} matches the production patterns`,
        environment.at,
        ['github-token'],
        { target },
      ),
    );
  return out;
}
