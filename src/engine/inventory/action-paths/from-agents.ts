/** Paths the job's agents add: the tool servers they load and unrestricted shells. */
import { draft, type Draft, type PathInput } from './input.js';

/**
 * What the job's agents add: each tool server they load (call-tool; it acts with the agent
 * step's credentials when it can change things) and an unrestricted shell (run-shell).
 */
export function fromAgents(
  input: PathInput,
  credsByStep: ReadonlyMap<number, readonly string[]>,
): Draft[] {
  const out: Draft[] = [];
  const jobCreds = input.credentials.map((c) => c.id);
  const credsOf = (agentId: string): readonly string[] => {
    const step = input.agents.find((a) => a.id === agentId)?.step;
    return step === undefined ? jobCreds : (credsByStep.get(step) ?? []);
  };
  for (const tool of input.tools) {
    const traits = [
      tool.remote ? 'remote' : 'local',
      tool.writeCapable ? 'can change things' : 'read-only',
      tool.fetchesCode ? 'fetched at run time' : undefined,
      tool.trust ? 'calls not confirmed' : undefined,
    ].filter(Boolean);
    out.push(
      draft(
        'call-tool',
        `${tool.agent} can call MCP server ${tool.name} (${traits.join(', ')}) from ${tool.file}`,
        tool.at,
        tool.writeCapable ? credsOf(tool.agent) : [],
        {
          step: input.agents.find((a) => a.id === tool.agent)?.step,
          target: `tool:${tool.url ?? tool.name}`,
        },
      ),
    );
  }
  for (const agent of input.agents) {
    if (!agent.unrestrictedShell) continue;
    const why = agent.settings.find((s) => s.risky)?.reason ?? 'no tool restriction';
    out.push(
      draft(
        'run-shell',
        `${agent.id} may run any shell command (${why})`,
        agent.at,
        credsOf(agent.id),
        { step: agent.step },
      ),
    );
  }
  return out;
}
