/** Paths of a job's `environment:`: a deploy, production, or where its secrets come from. */
import { nameLooksLike } from '../../glob.js';
import { draft, type Draft, type PathInput } from './input.js';

/** Environment names that say the job ships (`release`, `pypi`, `github-pages`, `staging`…). */
const SHIPPING_ENVIRONMENT =
  /release|publish|deploy|promot|pypi|npm|crates|registry|pages|marketplace|stag(?:e|ing)|prod/i;

export function fromEnvironment(
  { environment, productionPatterns, credentials }: PathInput,
  stepDrafts: readonly Draft[],
): Draft[] {
  if (!environment) return [];
  const target = `environment:${environment.name}`;
  const production = environment.dynamic || nameLooksLike(environment.name, productionPatterns);
  const ships =
    SHIPPING_ENVIRONMENT.test(environment.name) ||
    stepDrafts.some((d) => d.class === 'deploy' || d.class === 'publish');
  // An environment is a deploy when the job ships something (by command, action or the
  // environment's own name) or the name says production; otherwise it is where the job's
  // secrets come from.
  const out = [
    production || ships
      ? draft(
          'deploy',
          `runs in environment ${environment.name}`,
          environment.at,
          ['github-token'],
          {
            target,
          },
        )
      : draft(
          'use-secret',
          `runs in environment ${environment.name} and can read its secrets (no deploy command, not a production name)`,
          environment.at,
          credentials
            .filter((c) => c.kind !== 'github-token' && c.kind !== 'oidc')
            .map((c) => c.id),
          { target },
        ),
  ];
  if (environment.dynamic) {
    out.push(
      draft(
        'production',
        `environment name is computed at run time (${environment.name}); treated as production`,
        environment.at,
        ['github-token'],
        { target: `environment:${environment.name}` },
      ),
    );
  } else if (nameLooksLike(environment.name, productionPatterns)) {
    out.push(
      draft(
        'production',
        `environment ${environment.name} matches the production patterns`,
        environment.at,
        ['github-token'],
        { target: `environment:${environment.name}` },
      ),
    );
  }
  return out;
}
