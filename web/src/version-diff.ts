// What changed between two versions of one object, property by property (top-level properties,
// compared as JSON): added, removed or changed, in the newer version's property order.
export interface PropertyChange {
  readonly property: string;
  readonly kind: 'added' | 'removed' | 'changed';
  readonly before?: unknown;
  readonly after?: unknown;
}

export function diffVersions(older: Readonly<Record<string, unknown>>, newer: Readonly<Record<string, unknown>>): PropertyChange[] {
  const changes: PropertyChange[] = [];
  for (const [property, after] of Object.entries(newer)) {
    if (!Object.hasOwn(older, property)) changes.push({ property, kind: 'added', after });
    else if (JSON.stringify(older[property]) !== JSON.stringify(after)) changes.push({ property, kind: 'changed', before: older[property], after });
  }
  for (const [property, before] of Object.entries(older)) {
    if (!Object.hasOwn(newer, property)) changes.push({ property, kind: 'removed', before });
  }
  return changes;
}

/** Versions oldest first, by `modified` (else `created`); equal instants keep the server's order. */
export function oldestFirst<T extends Readonly<Record<string, unknown>>>(versions: readonly T[]): T[] {
  const at = (v: T) => String(v.modified ?? v.created ?? '');
  return [...versions].sort((a, b) => (at(a) < at(b) ? -1 : at(a) > at(b) ? 1 : 0));
}
