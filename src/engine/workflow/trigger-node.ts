/** Where a trigger is written under `on:`: the YAML path and whether the key is meant. */
import type { Trigger } from './model.js';
import type { YamlPath } from './source.js';

/** The YAML path and key flag that point at a trigger's name under `on:`. */
export function triggerNode(trigger: Trigger): { path: YamlPath; key: boolean } {
  // `on: { event: … }` → the key; `on: [a, b]` → the item; `on: event` → the value.
  const last = trigger.at[trigger.at.length - 1];
  return { path: trigger.at, key: trigger.at.length === 2 && typeof last === 'string' };
}
