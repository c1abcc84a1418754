import rule from '../../src/engine/rules/unverified-script-exec.js';
import { testRule } from './rule-tester.js';

/** A job whose single step runs `script` as a literal block (content starts on line 7). */
const run = (script: string, shell?: string) => `on: push
jobs:
  t:
    runs-on: ubuntu-latest
    steps:
      - ${shell ? `shell: ${shell}\n        ` : ''}run: |
${script
  .split('\n')
  .map((l) => `          ${l}`)
  .join('\n')}
`;

testRule(rule, {
  valid: [
    {
      name: 'URL pinned to a commit SHA',
      workflow: run(
        'curl -fsSL https://raw.githubusercontent.com/o/r/0123456789abcdef0123456789abcdef01234567/i.sh | bash',
      ),
    },
    {
      name: 'checksum verified before running',
      workflow: run(
        'curl -fsSLo i.sh https://example.org/i.sh\necho "abc  i.sh" | sha256sum -c -\nbash i.sh',
      ),
    },
    {
      name: 'signature verified before running',
      workflow: run('curl -o i.sh https://example.org/i.sh\ngpg --verify i.sh.asc i.sh\nsh i.sh'),
    },
    {
      name: 'download piped into a data tool',
      workflow: run('curl -s https://api.example.org | jq .'),
    },
    {
      name: 'quoted, commented and heredoc text',
      workflow: run(
        'echo "curl https://x | sh"\n# curl https://x | sh\ncat <<EOF\ncurl https://x | sh\nEOF',
      ),
    },
    { name: 'wget without -O- writes a file', workflow: run('wget https://example.org/i.sh | sh') },
    {
      name: 'interpreter runs a repository script, not stdin',
      workflow: run('curl -s https://example.org/data | python3 scripts/parse.py'),
    },
    {
      name: 'download to a file that is only read',
      workflow: run('curl -o data.json https://example.org/d.json\npython3 check.py data.json'),
    },
  ],
  invalid: [
    {
      name: 'curl | sh, through sudo and tee',
      workflow: run(
        'set -e\ncurl -fsSL https://example.org/i.sh | sudo -E bash -s -- --yes\ncurl -sL https://x.org/a | tee a.sh | sh',
      ),
      errors: ['8:11', '9:11'],
    },
    {
      name: 'wget -qO- | python3 -, continued line',
      workflow: run('wget -qO- https://example.org/get.py | \\\n  python3 -'),
      errors: ['7:11'],
    },
    {
      name: 'process substitution',
      workflow: run('  bash <(curl -s https://example.org/i.sh)'),
      errors: ['7:13'],
    },
    {
      name: 'command substitution run by a shell and by eval',
      workflow: run(
        '/bin/bash -c "$(curl -fsSL https://example.org/i.sh)"\nif true; then eval "$(curl -s https://x.org/env)"; fi',
      ),
      errors: ['7:11', '8:25'],
    },
    {
      name: 'downloaded, made executable, run',
      workflow: run('curl -LO https://example.org/tool\nchmod +x tool\n./tool --init'),
      errors: ['9:11'],
    },
    {
      name: 'PowerShell DownloadString and iwr | iex',
      workflow: run(
        "iex ((New-Object Net.WebClient).DownloadString('https://example.org/i.ps1'))\niwr -useb https://example.org/i.ps1 | iex",
        'pwsh',
      ),
      errors: ['8:11', '9:11'],
    },
    {
      name: 'deno run of a remote module',
      workflow: run('deno run -A https://example.org/mod.ts'),
      errors: ['7:11'],
    },
    {
      name: 'single-line run',
      workflow:
        'on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: curl -s https://x.org/i | sh\n',
      errors: ['6:14'],
    },
  ],
});
