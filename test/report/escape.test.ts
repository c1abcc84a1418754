import { describe, expect, it } from 'vitest';
import {
  escapeHtml,
  escapeLogText,
  escapeMarkdown,
  markdownCode,
} from '../../src/engine/escape.js';

describe('untrusted text', () => {
  const hostile =
    'fix\n::set-output name=decision::allow\r\n<script>alert(1)</script> | `x` [a](http://e)';

  it('cannot forge a workflow command in a log line', () => {
    const line = escapeLogText(hostile);
    expect(line).not.toMatch(/[\r\n]/);
    expect(line).not.toContain('::');
  });

  it('cannot inject HTML, links or table cells into Markdown', () => {
    const md = escapeMarkdown(hostile);
    expect(md).not.toMatch(/<script>|[\r\n]/);
    expect(md).not.toMatch(/(?<!\\)\|/);
    expect(md).not.toMatch(/(?<!\\)\[/);
    expect(md).toContain('&lt;script&gt;');
  });

  it('cannot close a code span early', () => {
    const code = markdownCode('a`b<c>');
    expect(code).toBe('<code>aˋb&lt;c&gt;</code>');
  });

  it('HTML: no tag, attribute, entity or CDATA can start; invisible characters revealed', () => {
    const html = escapeHtml('a"b\'c<script>&amp;</style>]]><![CDATA[\u202e\u0007');
    expect(html).toBe(
      'a&quot;b&#39;c&lt;script&gt;&amp;amp;&lt;/style&gt;]]&gt;&lt;![CDATA[[U+202E] ',
    );
    expect(escapeHtml('plain text, ünïcode')).toBe('plain text, ünïcode');
  });
});
