// A small, separate reference implementation of the trust rules (DESIGN.md's TLP table), written
// from the table and not from src/access: levels, who may read, which fields hide, and where an
// object may go next. The property test compares the real system against it.

export type Level = 0 | 1 | 2 | 3 | 4; // CLEAR GREEN AMBER AMBER+STRICT RED
export const LEVEL_NAMES = ['clear', 'green', 'amber', 'amber+strict', 'red'] as const;

/** Every TLP marking-definition id (1.0 and 2.0) and its level. */
export const TLP_IDS: Readonly<Record<string, Level>> = {
  'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9': 0,
  'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da': 1,
  'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82': 2,
  'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed': 4,
  'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487': 0,
  'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb': 1,
  'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421': 2,
  'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003': 3,
  'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1': 4,
};

export interface RefOrg {
  readonly id: string;
  readonly identity: string;
  readonly clients: readonly string[];
}

export interface RefCollection {
  readonly id: string;
  /** Everyone who may read it (organisations and members of its communities). */
  readonly readers: ReadonlySet<string>;
  readonly defaultLevel: Level;
  readonly isPublic: boolean;
}

/** One stored version as the reference sees it. */
export interface RefVersion {
  readonly id: string;
  readonly modified: string;
  readonly collection: string;
  readonly owner: string;
  readonly ownerIdentity: string;
  readonly level: Level;
  /** Identities named by the recipients extension (null: none named). */
  readonly named: readonly string[] | null;
  /** Top-level property -> level of the granular marking on it. */
  readonly granular: Readonly<Record<string, Level>>;
  /** Insertion order. */
  readonly order: number;
}

export function levelOf(markingRefs: readonly string[], fallback: Level): Level {
  let level: Level | null = null;
  for (const ref of markingRefs) {
    const l = TLP_IDS[ref];
    if (l !== undefined && (level === null || l > level)) level = l;
  }
  return level ?? fallback;
}

/** May this reader (an organisation, or null for anonymous) see something at `level` on `v`? */
export function sees(reader: RefOrg | null, level: Level, v: RefVersion): boolean {
  if (level === 0) return true;
  if (reader === null) return false;
  if (level < 4) return true;
  if (reader.id === v.owner) return true;
  return v.named === null ? false : v.named.includes(reader.identity);
}

/** The collection-level right the TAXII layer applies before the query. */
export function opens(reader: RefOrg | null, c: RefCollection): boolean {
  return reader === null ? c.isPublic : c.readers.has(reader.id);
}

/** Properties removed from what the reader receives. */
export function hiddenFor(reader: RefOrg | null, v: RefVersion): string[] {
  return Object.entries(v.granular)
    .filter(([, level]) => level > v.level && !sees(reader, level, v))
    .map(([property]) => property);
}

/**
 * Properties that may not go to `to` although the object may: each granular marking stricter than
 * the object follows its own level's onward rule (as if the object carried that level).
 */
export function refusedOnward(actor: RefOrg, v: RefVersion, home: RefCollection, to: RefDestination): string[] {
  return Object.entries(v.granular)
    .filter(([, level]) => level > v.level && !mayGo(actor, { ...v, level }, home, to))
    .map(([property]) => property);
}

export type RefDestination = { readonly kind: 'collection'; readonly c: RefCollection } | { readonly kind: 'org'; readonly org: RefOrg };

/** Where may `actor` pass on version `v` (held in `home`)? */
export function mayGo(actor: RefOrg, v: RefVersion, home: RefCollection, to: RefDestination): boolean {
  if (actor.id === v.owner) return true;
  const readers = to.kind === 'org' ? [to.org.id] : [...to.c.readers];
  const isPublic = to.kind === 'collection' && to.c.isPublic;
  switch (v.level) {
    case 0:
      return true;
    case 1:
      return !isPublic && readers.every((r) => home.readers.has(r) || r === v.owner);
    case 2:
      return !isPublic && readers.every((r) => r === actor.id || actor.clients.includes(r));
    case 3:
      return !isPublic && readers.every((r) => r === actor.id);
    case 4: {
      if (to.kind !== 'org') return false;
      return (v.named ?? [v.ownerIdentity]).includes(to.org.identity);
    }
  }
}
