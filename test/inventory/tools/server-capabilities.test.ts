import { describe, expect, it } from 'vitest';
import {
  analyzeLaunch,
  imageName,
  packageName,
} from '../../../src/engine/inventory/tools/launch.js';
import {
  NO_SECRET_CONTEXT,
  referencedSecrets,
  secretEntryNames,
} from '../../../src/engine/inventory/tools/secrets.js';
import {
  isWriteCapable,
  KNOWN_SERVERS,
  knownServer,
} from '../../../src/engine/inventory/tools/server-capabilities.js';
import { urlIdentity } from '../../../src/engine/inventory/tools/server.js';

describe('launch analysis', () => {
  it.each([
    [['npx', '-y', '@scope/pkg@1.2.3', '--flag'], true, 'pkg:@scope/pkg'],
    [['npx', '--package', 'a-pkg', 'a-bin'], true, 'pkg:a-pkg'],
    [['npx', '--no-install', 'local-bin'], false, 'cmd:npx --no-install local-bin'],
    [['uvx', '--from', 'git-tools==1.0', 'git-tool'], true, 'pkg:git-tools'],
    [['uv', 'tool', 'run', 'mcp-server-git'], true, 'pkg:mcp-server-git'],
    [['pipx', 'run', 'mcp-server-fetch'], true, 'pkg:mcp-server-fetch'],
    [
      ['docker', 'run', '-i', '--rm', '-e', 'TOKEN', '-v', '/a:/b', 'mcp/filesystem:latest', '/b'],
      true,
      'image:mcp/filesystem',
    ],
    [['docker', 'container', 'run', 'docker.io/library/img@sha256:abc'], true, 'image:img'],
    [['pnpm', 'dlx', 'create-x'], true, 'pkg:create-x'],
    [['bun', 'x', 'tool@2'], true, 'pkg:tool'],
    [['deno', 'run', '-A', 'npm:@playwright/mcp'], true, 'pkg:@playwright/mcp'],
    [['deno', 'run', 'server.ts'], false, 'cmd:deno run server.ts'],
    [['cmd', '/c', 'npx', '-y', 'pkg'], true, 'pkg:pkg'],
    [['bash', '-c', 'exec uvx mcp-server-git --repo .'], true, 'pkg:mcp-server-git'],
    [['env', 'A=1', 'npx', 'pkg'], true, 'pkg:pkg'],
    [['C:\\tools\\npx.cmd', 'pkg'], true, 'pkg:pkg'],
    [['docker', 'ps'], false, 'cmd:docker ps'],
    [['npx'], false, 'cmd:npx'],
  ])('%j → fetches %s, %s', ([command, ...args], fetches, identity) => {
    const launch = analyzeLaunch(command ?? '', args);
    expect([launch.fetchesCode, launch.identities[0]]).toEqual([fetches, identity]);
  });

  it('splits a command written with its args ("brew mcp-server")', () => {
    expect(analyzeLaunch('brew mcp-server', []).identities[0]).toBe('cmd:brew mcp-server');
  });

  it('names the remote of a local proxy and credentials forwarded into a container', () => {
    expect(
      analyzeLaunch('npx', ['-y', 'mcp-remote@0.1', 'https://r.example.com/sse']).proxiedUrl,
    ).toBe('https://r.example.com/sse');
    expect(
      analyzeLaunch('docker', ['run', '-e', 'API_TOKEN', '-e', 'MODE=x', '--env=GH_PAT', 'img'])
        .forwardedSecrets,
    ).toEqual(['API_TOKEN', 'GH_PAT']);
  });

  it('normalises package and image names', () => {
    expect(['@a/b@latest', 'Pkg[extra]>=1', 'pypi:x==2', 'plain'].map(packageName)).toEqual([
      '@a/b',
      'pkg',
      'x',
      'plain',
    ]);
    expect(
      ['ghcr.io/o/i:v1', 'localhost:5000/i', 'index.docker.io/mcp/git:1'].map(imageName),
    ).toEqual(['ghcr.io/o/i', 'localhost:5000/i', 'mcp/git']);
  });
});

describe('secret references', () => {
  const ctx = { passwordInputs: new Set(['pat']) };
  it.each([
    ['${GH_PAT}', ['GH_PAT']],
    ['Bearer $TOKEN', ['TOKEN']],
    ['${API_KEY:-none}', ['API_KEY']],
    ['${env:KUBE}', ['KUBE']],
    ['{env:OPENAI}', ['OPENAI']],
    ['${{ secrets.NPM_TOKEN }}', ['NPM_TOKEN']],
    ['${{ github.token }}', ['github.token']],
    ['${{ vars.ORG }}', []],
    ['${input:pat}', ['input:pat']],
    ['${input:org}', []],
    ['COPILOT_MCP_JIRA', ['COPILOT_MCP_JIRA']],
    ['${workspaceFolder}/x $HOME', []],
    ['plain', []],
  ])('%j → %j', (value, names) => {
    expect(referencedSecrets(value, ctx)).toEqual(names);
  });

  it('credential-named entries with a literal value are secrets too; others are not', () => {
    const entries: [string, string][] = [
      ['GITHUB_TOKEN', 'ghp_x'], ['OPENAI_API_KEY', 'sk'], ['MAX_TOKENS', '100'], ['Authorization', 'Bearer x'],
      ['LOG_LEVEL', 'debug'], ['GH_PAT', ''], ['X-Api-Key', 'k'],
    ]; // prettier-ignore
    expect(secretEntryNames(entries, NO_SECRET_CONTEXT)).toEqual([
      'GITHUB_TOKEN',
      'OPENAI_API_KEY',
      'Authorization',
      'X-Api-Key',
    ]);
  });
});

describe('write capability (table-driven)', () => {
  const cap = (identities: string[], switches: string[] = [], hasSecrets = false): boolean =>
    isWriteCapable({ identities, switches, hasSecrets });

  it('a known write server is write-capable until its read-only switch is set', () => {
    expect(cap(['image:ghcr.io/github/github-mcp-server'])).toBe(true);
    expect(cap(['image:ghcr.io/github/github-mcp-server'], ['--read-only'])).toBe(false);
    expect(cap(['image:ghcr.io/github/github-mcp-server'], ['GITHUB_READ_ONLY=1'])).toBe(false);
    expect(cap(['url:api.githubcopilot.com/mcp/'], ['X-MCP-Readonly: true'])).toBe(false);
    expect(
      cap(['url:api.githubcopilot.com/mcp/readonly'], ['url:api.githubcopilot.com/mcp/readonly']),
    ).toBe(false);
    expect(cap(['pkg:mongodb-mcp-server'], ['--readOnly'])).toBe(false);
    expect(cap(['pkg:@playwright/mcp'])).toBe(true);
    expect(cap(['pkg:awslabs.aws-api-mcp-server'])).toBe(true);
  });

  it('read-only servers stay read-only even with a token; unknown ones are write-capable only with one', () => {
    expect(cap(['url:learn.microsoft.com/api/mcp'], [], true)).toBe(false);
    expect(cap(['cmd:node server.js', 'pkg:node'])).toBe(false);
    expect(cap(['cmd:node server.js', 'pkg:node'], [], true)).toBe(true);
  });

  it('every table row is reached by a real identity (no dead rows), and unknowns match none', () => {
    const samples = [
      'pkg:@modelcontextprotocol/server-github', 'pkg:@modelcontextprotocol/server-gitlab',
      'pkg:@modelcontextprotocol/server-filesystem', 'pkg:mcp-server-commands', 'pkg:mcp-server-git',
      'pkg:mcp-server-sqlite', 'pkg:@supabase/mcp-server-supabase', 'pkg:mongodb-mcp-server',
      'pkg:@playwright/mcp', 'pkg:kubernetes-mcp-server', 'pkg:@azure/mcp', 'url:mcp.linear.app/sse',
      'cmd:brew mcp-server', 'cmd:gh aw mcp-server', 'pkg:markitdown-mcp',
    ]; // prettier-ignore
    const rows = KNOWN_SERVERS.map((k) => samples.find((id) => k.match.test(id)));
    expect(rows.every((sample) => sample !== undefined)).toBe(true);
    expect(knownServer(['cmd:gh aw mcp-server'])?.capability).toBe('filesystem');
    expect(knownServer(['cmd:brew mcp-server'])?.capability).toBe('package-manager');
    expect(knownServer(['pkg:left-pad', 'cmd:node x.js', 'url:example.com/mcp'])).toBeUndefined();
  });

  it('url identities drop scheme, userinfo and fragment, keep the query', () => {
    expect(urlIdentity('https://user:pw@MCP.Supabase.com/mcp?read_only=true#x')).toBe(
      'url:mcp.supabase.com/mcp?read_only=true',
    );
  });
});
