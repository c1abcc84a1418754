/**
 * The mapping table of docs/checklist.md, generated from the controls' meta (what gives each
 * level), so the documentation and the code cannot drift (the catalog test compares them).
 */
import { CONTROLS } from './controls.js';

export function renderControlTable(): string {
  return [
    '| # | Control | 1 | 0.5 | 0 | Not observable |',
    '| ---: | --- | --- | --- | --- | --- |',
    ...CONTROLS.map(
      (c) =>
        `| ${c.number} | ${c.short} | ${c.levels.full} | ${c.levels.partial} | ${c.levels.none} | ${c.levels.notObservable} |`,
    ),
  ].join('\n');
}
