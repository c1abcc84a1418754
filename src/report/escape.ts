/**
 * Escaping of untrusted text (step names, branch names, PR titles, script excerpts) before
 * it reaches a log line, Markdown or HTML. Anything from the workflow or the event is
 * untrusted: it could forge workflow commands (`::set-output`), break tables or inject HTML.
 */

/** One safe log line: no line breaks, no leading workflow command, no control characters. */
export function escapeLogText(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ')
      .replace(/\r?\n/g, ' ⏎ ')
      .replace(/::/g, ':\u200b:')
  );
}

const MD_SPECIAL = /[\\`*_{}[\]()#+!|<>&~"'$-]/g;
const HTML_ENTITIES: Readonly<Record<string, string>> = {
  '<': '&lt;',
  '>': '&gt;',
  '&': '&amp;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Inline Markdown text: every Markdown and HTML special character neutralised, one line. */
export function escapeMarkdown(text: string): string {
  return escapeLogText(text).replace(MD_SPECIAL, (ch) => HTML_ENTITIES[ch] ?? `\\${ch}`);
}

/** Text for inside a Markdown code span: backticks cannot close it early. */
export function markdownCode(text: string): string {
  const clean = escapeLogText(text)
    .replace(/`/g, 'ˋ')
    .replace(/[<>&]/g, (ch) => HTML_ENTITIES[ch] ?? ch);
  return `<code>${clean}</code>`;
}
