// `setu org create|update|list|sectors`: the member organisations of this node, each also a STIX
// identity (its deterministic identity id is printed), with kind, sectors, clients and consent.
import { ORG_KINDS, SECTORS_COMMON, SECTORS_IN, SECTORS_JP, orgIdentityId } from '../../access/index.js';
import { createOrganisation, updateOrganisation, withNode } from '../../node/index.js';
import type { Organisation } from '../../store/index.js';
import { emit, type CliIo } from '../io.js';
import { audited } from './audit.js';

export interface OrgCreateOptions {
  readonly data: string;
  readonly id: string;
  readonly name: string;
  readonly country?: string | undefined;
  readonly kind?: string | undefined;
  readonly sectors?: readonly string[] | undefined;
  readonly clients?: readonly string[] | undefined;
  readonly consentAttribution?: boolean | undefined;
  readonly json: boolean;
}

/** An organisation as shown: its record plus its STIX identity id. */
function shown(org: Organisation) {
  return { ...org, identityId: orgIdentityId(org.id) };
}

function line(org: Organisation): string {
  const extras = [
    org.kind ?? 'other',
    org.sectors?.length ? `sectors ${org.sectors.join(',')}` : '',
    org.clients?.length ? `clients ${org.clients.join(',')}` : '',
    org.attributionConsent ? 'attribution consented' : '',
  ].filter(Boolean);
  return `${org.id}\t${org.country ?? '--'}\t${org.name}\t${extras.join('; ')}\t${orgIdentityId(org.id)}\n`;
}

export async function create(options: OrgCreateOptions, io: CliIo) {
  const org = await withNode(options.data, io.clock, audited(io.clock, (o: Organisation) => ({ action: 'admin.org', target: { orgId: o.id }, details: { change: 'create', org: o } }), ({ store }) =>
    createOrganisation(
      store,
      {
        id: options.id,
        name: options.name,
        country: options.country,
        kind: options.kind,
        sectors: options.sectors,
        clients: options.clients,
        attributionConsent: options.consentAttribution,
      },
      io.clock,
    ),
  ));
  emit(io, options.json, shown(org), () => `created organisation ${org.id} (${org.name}${org.country ? `, ${org.country}` : ''}), identity ${orgIdentityId(org.id)}\n`);
  return org;
}

export interface OrgUpdateOptions {
  readonly data: string;
  readonly id: string;
  readonly name?: string | undefined;
  readonly country?: string | undefined;
  readonly kind?: string | undefined;
  readonly sectors?: readonly string[] | undefined;
  readonly clients?: readonly string[] | undefined;
  readonly consentAttribution?: boolean | undefined;
  readonly json: boolean;
}

export async function update(options: OrgUpdateOptions, io: CliIo) {
  const org = await withNode(options.data, io.clock, audited(io.clock, (o: Organisation) => ({ action: 'admin.org', target: { orgId: o.id }, details: { change: 'update', org: o } }), ({ store }) =>
    updateOrganisation(store, options.id, {
      name: options.name,
      country: options.country,
      kind: options.kind,
      sectors: options.sectors,
      clients: options.clients,
      attributionConsent: options.consentAttribution,
    }),
  ));
  emit(io, options.json, shown(org), () => line(org));
  return org;
}

export async function list(options: { readonly data: string; readonly json: boolean }, io: CliIo) {
  const orgs = await withNode(options.data, io.clock, ({ store }) => store.listOrganisations());
  emit(io, options.json, orgs.map(shown), () => orgs.map(line).join('') || 'no organisations\n');
  return orgs;
}

/** The built-in vocabularies: organisation kinds and sectors. */
export async function sectors(options: { readonly json: boolean }, io: CliIo) {
  const vocabulary = { kinds: ORG_KINDS, sectors: { IN: SECTORS_IN, JP: SECTORS_JP, common: SECTORS_COMMON } };
  emit(io, options.json, vocabulary, () =>
    `kinds: ${ORG_KINDS.join(', ')}\nIN (NCIIPC): ${SECTORS_IN.join(', ')}\nJP (15 CI sectors): ${SECTORS_JP.join(', ')}\ncommon: ${SECTORS_COMMON.join(', ')}\n`,
  );
  return vocabulary;
}
