// Administrative operations on a node, shared by the CLI (and later the JSON API): each checks its
// arguments and answers with a coded error naming the field and the rule, before writing anything.
import { SetuError } from '../errors/index.js';
import type { CollectionRecord, Organisation, Store } from '../store/index.js';

const ORG_ID = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
const COUNTRY = /^[A-Z]{2}$/;

function badArgument(field: string, rule: string, value: unknown): SetuError {
  return new SetuError('SETU_ERR_NODE_BAD_ARGUMENT', `${field} ${rule} (got ${JSON.stringify(value)})`, { field, value });
}

export function checkOrgId(id: string): void {
  if (!ORG_ID.test(id)) throw badArgument('organisation id', 'must be 1-64 lower-case letters, digits or inner hyphens', id);
}

export function normaliseCountry(country: string): string {
  const upper = country.trim().toUpperCase();
  if (!COUNTRY.test(upper)) throw badArgument('country', 'must be an ISO 3166-1 alpha-2 code such as IN or JP', country);
  return upper;
}

/** Turns a free-form node name into a usable organisation id ("CERT-In Node" -> "cert-in-node"). */
export function slugify(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/g, '');
  return slug === '' ? 'node' : slug;
}

export interface NewOrganisation {
  readonly id: string;
  readonly name: string;
  readonly country?: string | undefined;
}

export async function createOrganisation(store: Store, input: NewOrganisation, clock: () => number): Promise<Organisation> {
  checkOrgId(input.id);
  if (input.name.trim() === '') throw badArgument('organisation name', 'must not be empty', input.name);
  const country = input.country === undefined ? null : normaliseCountry(input.country);
  if (await store.getOrganisation(input.id)) {
    throw new SetuError('SETU_ERR_NODE_DUPLICATE', `organisation ${input.id} already exists`, { id: input.id });
  }
  const org: Organisation = { id: input.id, name: input.name.trim(), country, createdAt: new Date(clock()).toISOString() };
  await store.createOrganisation(org);
  return org;
}

export async function requireOrganisation(store: Store, id: string): Promise<Organisation> {
  const org = await store.getOrganisation(id);
  if (!org) throw new SetuError('SETU_ERR_NODE_UNKNOWN_ORG', `no organisation with id ${id} (see \`setu org list\`)`, { id });
  return org;
}

export async function requireCollection(store: Store, id: string): Promise<CollectionRecord> {
  const collection = await store.getCollection(id);
  if (!collection) throw new SetuError('SETU_ERR_NODE_UNKNOWN_COLLECTION', `no collection with id ${id} (see \`setu collection list\`)`, { id });
  return collection;
}

export interface NewCollection {
  readonly title: string;
  readonly description?: string | undefined;
  readonly alias?: string | undefined;
  readonly readOrgs: readonly string[];
  readonly writeOrgs: readonly string[];
}

export const STIX_MEDIA_TYPE = 'application/stix+json;version=2.1';

export async function createCollection(store: Store, input: NewCollection, clock: () => number, newId: () => string): Promise<CollectionRecord> {
  if (input.title.trim() === '') throw badArgument('collection title', 'must not be empty', input.title);
  if (input.alias !== undefined && !/^[A-Za-z0-9._~-]{1,64}$/.test(input.alias)) {
    throw badArgument('collection alias', 'must be 1-64 URL-safe characters (letters, digits, . _ ~ -)', input.alias);
  }
  for (const orgId of new Set([...input.readOrgs, ...input.writeOrgs])) await requireOrganisation(store, orgId);
  if (input.alias !== undefined) {
    const taken = (await store.listCollections()).some((c) => c.alias === input.alias);
    if (taken) throw new SetuError('SETU_ERR_NODE_DUPLICATE', `a collection with alias ${input.alias} already exists`, { alias: input.alias });
  }
  const collection: CollectionRecord = {
    id: newId(),
    title: input.title.trim(),
    description: input.description ?? null,
    alias: input.alias ?? null,
    // Writers can always read back what they wrote.
    readOrgs: [...new Set([...input.readOrgs, ...input.writeOrgs])],
    writeOrgs: [...new Set(input.writeOrgs)],
    mediaTypes: [STIX_MEDIA_TYPE],
    createdAt: new Date(clock()).toISOString(),
  };
  await store.createCollection(collection);
  return collection;
}
