/**
 * The explicit registry of checklist controls, in the seed's order (items 1–20). One control
 * per file, file name = control id; the catalog test (test/checklist/catalog.test.ts) checks
 * that every file here is registered, documented in docs/checklist.md and has a passing and a
 * failing fixture under test/fixtures/checklist/<id>/.
 */
import type { ChecklistControl } from '../control.js';
import leastPrivilege from './least-privilege.js';
import filesystemScope from './filesystem-scope.js';
import toolAllowlist from './tool-allowlist.js';
import isolation from './isolation.js';
import readOnlyRoot from './read-only-root.js';
import resourceLimits from './resource-limits.js';
import egressAllowlist from './egress-allowlist.js';
import dnsLogging from './dns-logging.js';
import tlsInspection from './tls-inspection.js';
import shortLivedTokens from './short-lived-tokens.js';
import noPersonalCredentials from './no-personal-credentials.js';
import secretsVault from './secrets-vault.js';
import diffReview from './diff-review.js';
import sast from './sast.js';
import dependencyAudit from './dependency-audit.js';
import immutableAuditLog from './immutable-audit-log.js';
import anomalyDetection from './anomaly-detection.js';
import sessionTimeLimits from './session-time-limits.js';
import killSwitch from './kill-switch.js';
import rollback from './rollback.js';

export const CONTROL_MODULES: readonly ChecklistControl[] = [
  leastPrivilege,
  filesystemScope,
  toolAllowlist,
  isolation,
  readOnlyRoot,
  resourceLimits,
  egressAllowlist,
  dnsLogging,
  tlsInspection,
  shortLivedTokens,
  noPersonalCredentials,
  secretsVault,
  diffReview,
  sast,
  dependencyAudit,
  immutableAuditLog,
  anomalyDetection,
  sessionTimeLimits,
  killSwitch,
  rollback,
];
