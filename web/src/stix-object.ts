// Reading a STIX object for display: its title (name, value or id) and when it last changed.
export type StixObject = Readonly<Record<string, unknown>> & { readonly id: string; readonly type: string };

export interface Envelope {
  readonly more?: boolean;
  readonly next?: string;
  readonly objects?: readonly StixObject[];
}

export function titleOf(object: StixObject): string {
  for (const key of ['name', 'value', 'display_name', 'path', 'key', 'number']) {
    const value = object[key];
    if (typeof value === 'string' && value !== '') return value;
  }
  return object.id;
}

export function changedAt(object: StixObject): string | undefined {
  const value = object.modified ?? object.created;
  return typeof value === 'string' ? value : undefined;
}
