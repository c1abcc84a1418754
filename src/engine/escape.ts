/**
 * Escaping of untrusted text (step names, branch names, PR titles, script excerpts) before
 * it reaches a log line, Markdown or HTML. Anything from the workflow or the event is
 * untrusted: it could forge workflow commands (`::set-output`), break tables or inject HTML.
 */

/**
 * Characters that reorder or hide text (Trojan Source): C1 controls, bidi embeddings,
 * overrides, isolates and marks, invisible separators and operators, BOM, interlinear
 * annotations, tag characters. Shown as `[U+XXXX]` so a reviewer sees them. U+200B is left
 * alone: it is what neutralises `::` below, so escaping stays idempotent.
 */
const INVISIBLE =
  /[\u0080-\u009f\u00ad\u061c\u180e\u200e\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]|\udb40[\udc00-\udc7f]/g;

/** The text with every INVISIBLE character shown as its code point. */
export function revealInvisible(text: string): string {
  return text.replace(
    INVISIBLE,
    (ch) => `[U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}]`,
  );
}

/**
 * One safe log line: no line breaks, no workflow command (`::cmd::` or the legacy `##[cmd]`),
 * no control characters.
 */
export function escapeLogText(text: string): string {
  return escapeLegacyCommands(
    revealInvisible(text)
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ')
      .replace(/\r?\n/g, ' ⏎ ')
      .replace(/::/g, ':\u200b:'),
  );
}

/**
 * The legacy `##[command]` form neutralised: the runner still parses it anywhere in a line,
 * even inside a `::warning::` message. Idempotent.
 */
export function escapeLegacyCommands(text: string): string {
  return text.replace(/##\[/g, '#\u200b#[');
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

/** Characters left as they are in `jsonForOutput` strings; every other one is a \\u escape. */
const OUTPUT_SAFE = /[A-Za-z0-9 ,._/@#%+=()[\]{}-]/;

/**
 * JSON for a step output that carries untrusted text (finding messages quote the workflow and
 * the pull request): inside strings every character that means something to a shell, an
 * expression, Markdown, HTML or the runner (`$` `` ` `` `'` `"` `<` `&` `::` newlines, bidi
 * controls) is a `\\uXXXX` escape. JSON.parse gives the text back unchanged; the raw output,
 * pasted somewhere it should not be, carries none of them.
 */
export function jsonForOutput(value: unknown): string {
  return JSON.stringify(value).replace(/"((?:[^"\\]|\\.)*)"/g, (_m, body: string) => {
    const text = JSON.parse(`"${body}"`) as string;
    let out = '';
    for (const ch of text) {
      if (OUTPUT_SAFE.test(ch)) out += ch;
      else
        for (let i = 0; i < ch.length; i++)
          out += `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`;
    }
    return `"${out}"`;
  });
}

/**
 * Text for HTML element content or a quoted attribute value (the HTML report, inline SVG):
 * `<>&"'` as entities, so nothing in it can open a tag, close a `<style>` / `<script>` /
 * attribute or start a CDATA section; control characters as spaces, invisible ones revealed.
 */
export function escapeHtml(text: string): string {
  return escapeLegacyCommands(
    revealInvisible(text)
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ' ')
      .replace(/[<>&"']/g, (ch) => HTML_ENTITIES[ch] ?? ch),
  );
}
