import type { Layouts } from './layout-types';

/** Compact, stable JSON: one machine per line, keys in insertion order, machines sorted by id. */
export function serializeLayouts(layouts: Layouts): string {
  const ids = Object.keys(layouts).sort();
  const lines = ids.map((id, i) => `  ${JSON.stringify(id)}: ${JSON.stringify(layouts[id])}${i < ids.length - 1 ? ',' : ''}`);
  return `{\n${lines.join('\n')}\n}\n`;
}
