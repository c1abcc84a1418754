import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../src/engine/rules/render-message.js';

const meta = {
  id: 'demo',
  messages: {
    pinned: '`{{uses}}` in job `{{job}}` is pinned to {{ kind }}',
    plain: 'no data here',
  },
};

describe('renderMessage', () => {
  it('fills every placeholder from data, numbers included', () => {
    expect(renderMessage(meta, 'pinned', { uses: 'a/b@v1', job: 'build', kind: 'tag' })).toBe(
      '`a/b@v1` in job `build` is pinned to tag',
    );
    expect(renderMessage(meta, 'plain', undefined)).toBe('no data here');
  });

  it('never reads data text as a template', () => {
    expect(renderMessage(meta, 'pinned', { uses: '{{job}}', job: 'x', kind: '{{kind}}' })).toBe(
      '`{{job}}` in job `x` is pinned to {{kind}}',
    );
  });

  it('throws on an unknown message id or a placeholder without data', () => {
    expect(() => renderMessage(meta, 'missing', {})).toThrow(
      'rule demo reported message id `missing`, not in its meta.messages',
    );
    expect(() => renderMessage(meta, 'toString', {})).toThrow(/not in its meta.messages/);
    expect(() => renderMessage(meta, 'pinned', { uses: 'a', job: 'b' })).toThrow(
      'rule demo: message `pinned` needs data `kind`',
    );
  });
});
