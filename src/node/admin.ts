// Administrative operations on a node, shared by the CLI (and later the JSON API): each checks its
// arguments and answers with a coded error naming the field and the rule, before writing anything.
import { isOrgKind, isSector, parseTlp, ORG_KINDS, type TlpLevel } from '../access/index.js';
import { SetuError } from '../errors/index.js';
import type { CollectionRecord, Organisation, OrganisationPatch, Store } from '../store/index.js';

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
  /** government, cert, cii-operator, ict-vendor, other (default other). */
  readonly kind?: string | undefined;
  readonly sectors?: readonly string[] | undefined;
  /** Organisation ids of its clients (TLP:AMBER may reach them). */
  readonly clients?: readonly string[] | undefined;
  readonly attributionConsent?: boolean | undefined;
}

export function checkOrgKind(kind: string): string {
  if (!isOrgKind(kind)) throw badArgument('organisation kind', `must be one of ${ORG_KINDS.join(', ')}`, kind);
  return kind;
}

function checkSectors(sectors: readonly string[]): string[] {
  for (const sector of sectors) if (!isSector(sector)) throw badArgument('sector', 'must be a sector of the built-in vocabulary (see `setu org sectors`)', sector);
  return [...new Set(sectors)];
}

async function checkClients(store: Store, orgId: string, clients: readonly string[]): Promise<string[]> {
  for (const client of clients) {
    if (client === orgId) throw badArgument('client', 'must be another organisation', client);
    await requireOrganisation(store, client);
  }
  return [...new Set(clients)];
}

export async function createOrganisation(store: Store, input: NewOrganisation, clock: () => number): Promise<Organisation> {
  checkOrgId(input.id);
  if (input.name.trim() === '') throw badArgument('organisation name', 'must not be empty', input.name);
  const country = input.country === undefined ? null : normaliseCountry(input.country);
  const kind = input.kind === undefined ? undefined : checkOrgKind(input.kind);
  const sectors = checkSectors(input.sectors ?? []);
  if (await store.getOrganisation(input.id)) {
    throw new SetuError('SETU_ERR_NODE_DUPLICATE', `organisation ${input.id} already exists`, { id: input.id });
  }
  const clients = await checkClients(store, input.id, input.clients ?? []);
  const org: Organisation = {
    id: input.id,
    name: input.name.trim(),
    country,
    createdAt: new Date(clock()).toISOString(),
    ...(kind === undefined || kind === 'other' ? {} : { kind }),
    ...(sectors.length === 0 ? {} : { sectors }),
    ...(clients.length === 0 ? {} : { clients }),
    ...(input.attributionConsent === true ? { attributionConsent: true } : {}),
  };
  await store.createOrganisation(org);
  return org;
}

export interface OrganisationUpdate {
  readonly name?: string | undefined;
  readonly country?: string | undefined;
  readonly kind?: string | undefined;
  readonly sectors?: readonly string[] | undefined;
  readonly clients?: readonly string[] | undefined;
  readonly attributionConsent?: boolean | undefined;
}

export async function updateOrganisation(store: Store, id: string, input: OrganisationUpdate): Promise<Organisation> {
  await requireOrganisation(store, id);
  if (input.name !== undefined && input.name.trim() === '') throw badArgument('organisation name', 'must not be empty', input.name);
  const patch: OrganisationPatch = {
    ...(input.name === undefined ? {} : { name: input.name.trim() }),
    ...(input.country === undefined ? {} : { country: normaliseCountry(input.country) }),
    ...(input.kind === undefined ? {} : { kind: checkOrgKind(input.kind) }),
    ...(input.sectors === undefined ? {} : { sectors: checkSectors(input.sectors) }),
    ...(input.clients === undefined ? {} : { clients: await checkClients(store, id, input.clients) }),
    ...(input.attributionConsent === undefined ? {} : { attributionConsent: input.attributionConsent }),
  };
  const updated = await store.updateOrganisation(id, patch);
  if (updated === undefined) throw new SetuError('SETU_ERR_NODE_UNKNOWN_ORG', `no organisation with id ${id} (see \`setu org list\`)`, { id });
  return updated;
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
  /** Community ids whose members may read / write. */
  readonly readCommunities?: readonly string[] | undefined;
  readonly writeCommunities?: readonly string[] | undefined;
  /** TLP for objects that carry none (a TLP 2.0 name; WHITE means CLEAR). Default GREEN. */
  readonly defaultTlp?: string | undefined;
  /** Anonymous readers may read its TLP:CLEAR objects. */
  readonly public?: boolean | undefined;
}

function checkTlp(text: string): TlpLevel {
  const level = parseTlp(text);
  if (level === null) throw badArgument('default TLP', 'must be clear, green, amber, amber+strict or red', text);
  return level;
}

export async function requireCommunity(store: Store, id: string) {
  const community = await store.getCommunity(id);
  if (!community) throw new SetuError('SETU_ERR_NODE_UNKNOWN_COMMUNITY', `no community with id ${id} (see \`setu community list\`)`, { id });
  return community;
}

export const STIX_MEDIA_TYPE = 'application/stix+json;version=2.1';

export async function createCollection(store: Store, input: NewCollection, clock: () => number, newId: () => string): Promise<CollectionRecord> {
  if (input.title.trim() === '') throw badArgument('collection title', 'must not be empty', input.title);
  if (input.alias !== undefined && !/^[A-Za-z0-9._~-]{1,64}$/.test(input.alias)) {
    throw badArgument('collection alias', 'must be 1-64 URL-safe characters (letters, digits, . _ ~ -)', input.alias);
  }
  for (const orgId of new Set([...input.readOrgs, ...input.writeOrgs])) await requireOrganisation(store, orgId);
  const readCommunities = [...new Set([...(input.readCommunities ?? []), ...(input.writeCommunities ?? [])])];
  const writeCommunities = [...new Set(input.writeCommunities ?? [])];
  for (const id of readCommunities) await requireCommunity(store, id);
  const defaultTlp = input.defaultTlp === undefined ? 'green' : checkTlp(input.defaultTlp);
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
    ...(readCommunities.length === 0 ? {} : { readCommunities }),
    ...(writeCommunities.length === 0 ? {} : { writeCommunities }),
    ...(defaultTlp === 'green' ? {} : { defaultTlp }),
    ...(input.public === true ? { public: true } : {}),
  };
  await store.createCollection(collection);
  return collection;
}
