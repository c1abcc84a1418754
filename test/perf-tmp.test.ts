import { it } from 'vitest';
import { splitCommands } from '../src/inventory/shell.js';
import { classifyScript } from '../src/inventory/commands.js';
it('perf', () => {
  const N = 1 << 20;
  for (const unit of ['${{', '$(', '"', '`', '<<EOF\n', 'case ', '((', 'a=(', '${', "'", '$((', '(', ')', '\\', 'x ', 'a;', '<(', 'bash -c "', "eval '", '`$(', '${{ \'', '[[ ', 'for ', 'sudo ', 'xargs ', 'find . -exec ', 'a|', '#\n', '\n']) {
    const s = unit.repeat(Math.ceil(N / unit.length)).slice(0, N - 10);
    const t = Date.now();
    const r = splitCommands(s);
    const t2 = Date.now();
    classifyScript(s);
    console.log(JSON.stringify(unit), r.commands.length, r.truncated, t2 - t, Date.now() - t2);
  }
});
