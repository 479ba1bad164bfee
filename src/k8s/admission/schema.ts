import { GENERATED_TYPES, NEWER_FIELDS } from './pod-schema';

/**
 * A field's JSON shape: `''` string, `n` int32, `N` int64, `b` bool, `x` int-or-string,
 * `q` quantity, `*` anything, `{s}` string map, `{q}` ResourceList, or a struct type name.
 */
export interface FieldShape {
  base: string;
  list: boolean;
}

export type StructSchema = ReadonlyMap<string, FieldShape>;

function parseFields(encoded: string, into: Map<string, FieldShape>): void {
  for (const token of encoded.split(/\s+/).filter(Boolean)) {
    const [name, kind = ''] = token.split(':');
    const list = kind.endsWith('[]');
    into.set(name, { base: list ? kind.slice(0, -2) : kind, list });
  }
}

function build(): Map<string, Map<string, FieldShape>> {
  const types = new Map<string, Map<string, FieldShape>>();
  for (const table of [GENERATED_TYPES, NEWER_FIELDS]) {
    for (const [type, fields] of Object.entries(table)) {
      const into = types.get(type) ?? new Map<string, FieldShape>();
      parseFields(fields, into);
      types.set(type, into);
    }
  }
  // The object itself; status is accepted and dropped on create (registry/core/pod strategy.go).
  types.set('Pod', new Map());
  parseFields(
    'apiVersion kind metadata:ObjectMeta spec:PodSpec status:*',
    types.get('Pod') as Map<string, FieldShape>,
  );
  return types;
}

const TYPES = build();

export function structSchema(type: string): StructSchema | undefined {
  return TYPES.get(type);
}

export function isStruct(base: string): boolean {
  return TYPES.has(base);
}

/** The Go type name encoding/json puts in its errors. */
export function goTypeName(shape: FieldShape, element = false): string {
  const names: Record<string, string> = {
    '': 'string',
    n: 'int32',
    N: 'int64',
    b: 'bool',
    x: 'intstr.IntOrString',
    q: 'resource.Quantity',
    '{s}': 'map[string]string',
    '{q}': 'v1.ResourceList',
  };
  const base = names[shape.base] ?? (shape.base === 'ObjectMeta' ? 'v1.ObjectMeta' : `v1.${shape.base}`);
  return shape.list && !element ? `[]${base}` : base;
}

/** Edit distance, for "did you mean" on unknown fields. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(
        row[j] + 1,
        row[j - 1] + 1,
        prev + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1),
      );
      prev = cur;
    }
  }
  return row[b.length];
}

/** The known field closest to a typo, if it is close enough to be what was meant. */
export function suggestField(schema: StructSchema, unknown: string): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(unknown.length / 4)) + 1;
  for (const name of schema.keys()) {
    const d = distance(unknown, name);
    if (d < bestDistance) [best, bestDistance] = [name, d];
  }
  return best;
}
