/**
 * A hit's message text from its rule's message templates (`meta.messages`): each `{{name}}`
 * is replaced by `data.name`, in one pass (data text is never read as a template). An unknown
 * message id or a placeholder without data is a bug in the rule: it throws, and the caller
 * reports the rule as failed for that job (fail closed), never a half-rendered message.
 */
import type { MessageData, RuleMeta } from './types.js';

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export function renderMessage(
  meta: Pick<RuleMeta, 'id' | 'messages'>,
  messageId: string,
  data: MessageData | undefined,
): string {
  const template = Object.hasOwn(meta.messages, messageId) ? meta.messages[messageId] : undefined;
  if (template === undefined)
    throw new Error(
      `rule ${meta.id} reported message id \`${messageId}\`, not in its meta.messages`,
    );
  return template.replace(PLACEHOLDER, (_, name: string) => {
    const value = data !== undefined && Object.hasOwn(data, name) ? data[name] : undefined;
    if (value === undefined)
      throw new Error(`rule ${meta.id}: message \`${messageId}\` needs data \`${name}\``);
    return String(value);
  });
}
