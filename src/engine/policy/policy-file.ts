/** Where a repository keeps its policy when the action or the CLI is not told otherwise. */
export const DEFAULT_POLICY_FILE = '.github/agent-gate.yml';
