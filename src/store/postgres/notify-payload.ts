// The NOTIFY payloads Setu processes exchange on a store's channel. They stay far below
// PostgreSQL's 8,000-byte limit: an 'added' note names a seq range, and receivers read the rows.
export const NOTE_KINDS = ['added', 'config'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

export interface AddedNote {
  readonly kind: 'added';
  /** The store instance that wrote it (a process skips its own notes: it emitted them already). */
  readonly origin: string;
  readonly collectionId: string;
  /** Inclusive seq range of the versions this commit added (contiguous: allocated under one lock). */
  readonly fromSeq: number;
  readonly toSeq: number;
}

export interface ConfigNote {
  readonly kind: 'config';
  readonly origin: string;
  /** What changed, e.g. 'collection', 'organisation', 'token', or a name another module chose. */
  readonly topic: string;
}

export type Note = AddedNote | ConfigNote;

/** The NOTIFY channel of the store in `schema` (identifiers are checked when the store opens). */
export function channelOf(schema: string): string {
  return `setu_events_${schema}`;
}

export function addedPayload(note: Omit<AddedNote, 'kind'>): string {
  return JSON.stringify({ kind: 'added', ...note });
}

export function configPayload(note: Omit<ConfigNote, 'kind'>): string {
  return JSON.stringify({ kind: 'config', ...note });
}

/** Parses a payload; undefined for anything that is not a well-formed note. */
export function parseNote(payload: string | undefined): Note | undefined {
  if (payload === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const note = value as Record<string, unknown>;
  if (typeof note['origin'] !== 'string') return undefined;
  if (note['kind'] === 'added') {
    const { collectionId, fromSeq, toSeq } = note;
    if (typeof collectionId !== 'string' || !Number.isSafeInteger(fromSeq) || !Number.isSafeInteger(toSeq)) return undefined;
    return { kind: 'added', origin: note['origin'], collectionId, fromSeq: fromSeq as number, toSeq: toSeq as number };
  }
  if (note['kind'] === 'config' && typeof note['topic'] === 'string') return { kind: 'config', origin: note['origin'], topic: note['topic'] };
  return undefined;
}
