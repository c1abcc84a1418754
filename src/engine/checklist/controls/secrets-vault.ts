/**
 * Checklist item 12 (Credential Management): Integrate with a secrets vault.
 */
import type { Credential } from '../../inventory/types.js';
import { defineControl } from '../control.js';
import { credEvidence, ev, longLived, verdict } from '../verdict.js';

/** The steps a credential flows into (`step 3 (Deploy) env …` → index 2). */
function stepNumbers(c: Credential): number[] {
  return c.usedIn
    .map((u) => /^step (\d+)/.exec(u)?.[1])
    .filter((n): n is string => n !== undefined)
    .map((n) => Number(n) - 1);
}

export default defineControl({
  meta: {
    id: 'secrets-vault',
    number: 12,
    category: 'Credential Management',
    title: 'Integrate with a secrets vault',
    short: 'Secrets vault',
    basic: false,
    looksAt:
      'vault actions (HashiCorp Vault, AWS Secrets Manager, 1Password, Azure Key Vault, …), stored secrets in job-wide env, `toJSON(secrets)` / `secrets: inherit`',
    levels: {
      full: 'No stored secrets (only job, OIDC and App tokens); or a vault (HashiCorp Vault, AWS Secrets Manager, 1Password, Azure Key Vault, GCP Secret Manager, Doppler, Infisical, Bitwarden, Conjur, Akeyless, by action or CLI) whose auth secret is the only stored one',
      partial: 'GitHub encrypted secrets injected per step; a vault alongside other GitHub secrets',
      none: "Secrets in job- or workflow-level `env` (every step sees them, the agent's included); `toJSON(secrets)` / `secrets: inherit`",
      notObservable: 'never',
    },
    messages: {
      'all-secrets': 'every stored secret is handed to the job',
      'job-wide-env':
        'stored secrets sit in job- or workflow-level env, where every step (the agent’s included) sees them',
      'from-vault': 'secrets come from a vault at run time',
      'no-stored-secrets':
        'no stored secrets: only the job token and federated (OIDC / App) tokens',
      'vault-auth-only':
        'the only stored secret authenticates to a vault that injects the rest at run time',
      'vault-and-github-secrets':
        'a vault is used, but other secrets still come from GitHub secrets',
      'github-secrets':
        'GitHub encrypted secrets are injected per step at run time, not from a vault: they sit in the env or inputs of the steps that use them',
    },
  },
  score(f) {
    const vaults = f.safeguards.hits.filter(
      (h, i, all) =>
        h.kind === 'vault' && all.findIndex((x) => x.kind === 'vault' && x.step === h.step) === i,
    );
    const vaultEvidence = vaults.map((h) => ev(`secrets from a vault: ${h.text}`, h.at));
    const { all } = longLived(f.inv);
    const everything = all.filter((c) => c.kind === 'inherited-secrets' || c.id === 'secrets:*');
    if (everything.length > 0) return verdict(0, 'all-secrets', everything.map(credEvidence));
    const jobWide = all.filter((c) => c.usedIn.some((u) => u.startsWith('every step')));
    if (jobWide.length > 0) return verdict(0, 'job-wide-env', jobWide.map(credEvidence));
    if (all.length === 0)
      return verdict(1, vaults.length > 0 ? 'from-vault' : 'no-stored-secrets', vaultEvidence);
    const vaultSteps = new Set(vaults.map((h) => h.step));
    const outside = all.filter(
      (c) => !stepNumbers(c).every((n) => vaultSteps.has(n)) || c.usedIn.length === 0,
    );
    if (vaults.length > 0 && outside.length === 0)
      return verdict(1, 'vault-auth-only', [...vaultEvidence, ...all.map(credEvidence)]);
    if (vaults.length > 0)
      return verdict(0.5, 'vault-and-github-secrets', [
        ...vaultEvidence,
        ...outside.map(credEvidence),
      ]);
    return verdict(0.5, 'github-secrets', all.map(credEvidence));
  },
});
