/** Shared helpers of the tool-config tests: fixtures and a compact view of a server. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ToolServer } from '../../../src/engine/inventory/tools/types.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/tools/', import.meta.url));

export function fixture(name: string): string {
  return readFileSync(`${FIXTURES}${name}`, 'utf8');
}

/** The fields a BOM line shows, with the line only (columns are asserted separately). */
export function brief(s: ToolServer): Record<string, unknown> {
  return {
    name: s.name,
    transport: s.transport,
    remote: s.remote,
    fetchesCode: s.fetchesCode,
    secrets: s.secrets,
    writeCapable: s.writeCapable,
    line: s.at.line,
  };
}
