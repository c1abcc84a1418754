/** The tool's name and version, as recorded in every output. Kept in step with package.json by a test. */
export const TOOL_NAME = 'agent-gate';
export const TOOL_VERSION = '0.2.0';
export const TOOL_URI = 'https://github.com/agent-gate/agent-gate';
