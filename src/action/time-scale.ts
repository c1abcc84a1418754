/** The approval clock's speed-up for test harnesses. */
/**
 * AGENT_GATE_TIME_SCALE, validated: an integer 1..3600, honoured only against a loopback API
 * (a test harness) — on a real runner it could only burn the repository's API budget.
 */
export function timeScale(value: string | undefined, apiUrl: string): number {
  if (value === undefined || value === '') return 1;
  const host = (() => {
    try {
      return new URL(apiUrl).hostname;
    } catch {
      return '';
    }
  })();
  if (!['127.0.0.1', 'localhost', '[::1]', '::1'].includes(host))
    throw new Error(
      `AGENT_GATE_TIME_SCALE is a testing knob and only works against a loopback API (GITHUB_API_URL is ${apiUrl})`,
    );
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 3600)
    throw new Error(`AGENT_GATE_TIME_SCALE must be a whole number from 1 to 3600 (got ${value})`);
  return n;
}
