/**
 * The explicit registry of detection rules. One rule per file, file name = rule id; the
 * catalog test (test/rules/catalog.test.ts) checks that every rule file is registered here,
 * documented under docs/rules/ and has a bad and a good fixture. Order = report order.
 */
import secretsInherit from './secrets-inherit.js';
import unpinnedUses from './unpinned-uses.js';
import unpinnedImages from './unpinned-images.js';
import useTrustedPublishing from './use-trusted-publishing.js';
import unverifiedScriptExec from './unverified-script-exec.js';
import dependencyChange from './dependency-change.js';
import agentUntrustedInput from './agent-untrusted-input.js';
import agentPrivilegedTrigger from './agent-privileged-trigger.js';
import agentPermissionsBypassed from './agent-permissions-bypassed.js';
import agentUnrestrictedShell from './agent-unrestricted-shell.js';
import agentAnyActor from './agent-any-actor.js';
import agentRiskyMcp from './agent-risky-mcp.js';
import agentUnboundedAppToken from './agent-unbounded-app-token.js';
import agentReadWriteSplit from './agent-read-write-split.js';
import excessivePermissions from './excessive-permissions.js';
import dangerousTriggers from './dangerous-triggers.js';
import selfHostedRunner from './self-hosted-runner.js';
import overprovisionedSecrets from './overprovisioned-secrets.js';
import unredactedSecrets from './unredacted-secrets.js';
import insecureCommands from './insecure-commands.js';
import githubEnv from './github-env.js';
import botConditions from './bot-conditions.js';
import templateInjection from './template-injection.js';
import pwnRequest from './pwn-request.js';
import artipacked from './artipacked.js';
import cachePoisoning from './cache-poisoning.js';
import gateNotFirst from './gate-not-first.js';
import type { Rule } from './types.js';

export const RULES: readonly Rule<unknown>[] = [
  // — permissions, triggers, runners, secrets, environment files
  excessivePermissions,
  dangerousTriggers,
  selfHostedRunner,
  overprovisionedSecrets,
  unredactedSecrets,
  insecureCommands,
  githubEnv,
  botConditions,
  // — injection and untrusted checkout
  templateInjection,
  pwnRequest,
  artipacked,
  cachePoisoning,
  // — supply chain: pinning, images, publishing
  secretsInherit,
  unpinnedUses,
  unpinnedImages,
  useTrustedPublishing,
  unverifiedScriptExec,
  dependencyChange,
  // — AI agents
  agentUntrustedInput,
  agentPrivilegedTrigger,
  agentPermissionsBypassed,
  agentUnrestrictedShell,
  agentAnyActor,
  agentRiskyMcp,
  agentUnboundedAppToken,
  agentReadWriteSplit,
  gateNotFirst,
];
