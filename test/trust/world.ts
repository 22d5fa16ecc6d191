// Random worlds for the trust property test: organisations (with clients), communities,
// collections (audiences of organisations and communities, default TLP, public flag), and
// objects with random TLP markings (1.0 and 2.0), recipients and granular markings, each posted
// by its owner; then re-share attempts by random organisations into random collections.
import fc from 'fast-check';
import { SETU_RECIPIENTS_EXTENSION_ID, orgIdentityId } from '../../src/access/index.js';
import { LEVEL_NAMES, TLP_IDS } from './reference.js';

export const ORGS = ['o0', 'o1', 'o2', 'o3'] as const;
const STATEMENT = 'marking-definition--11111111-2222-4333-8444-555555555555';
export const GRANULAR_PROPS = ['description', 'aliases'] as const;

export interface WorldCommunity {
  readonly id: string;
  readonly members: readonly string[];
}

export interface WorldCollection {
  readonly id: string;
  readonly readOrgs: readonly string[];
  readonly readCommunities: readonly string[];
  readonly defaultTlp: (typeof LEVEL_NAMES)[number];
  readonly isPublic: boolean;
}

export interface WorldVersion {
  readonly markings: readonly string[];
  readonly recipients: readonly string[] | null;
  readonly granular: readonly { readonly property: (typeof GRANULAR_PROPS)[number]; readonly marking: string }[];
}

export interface WorldObject {
  readonly owner: string;
  readonly collection: number;
  readonly versions: readonly WorldVersion[];
}

export interface Reshare {
  readonly object: number;
  readonly actor: string;
  readonly collection: number;
}

export interface World {
  readonly clients: Readonly<Record<string, readonly string[]>>;
  readonly communities: readonly WorldCommunity[];
  readonly collections: readonly WorldCollection[];
  readonly objects: readonly WorldObject[];
  readonly reshares: readonly Reshare[];
}

const orgSubset = fc.subarray([...ORGS]);

const version: fc.Arbitrary<WorldVersion> = fc.record({
  // STIX allows one TLP marking per object (the validator refuses more), plus other markings.
  markings: fc
    .tuple(fc.option(fc.constantFrom(...Object.keys(TLP_IDS)), { nil: null }), fc.boolean())
    .map(([tlp, statement]) => [...(tlp === null ? [] : [tlp]), ...(statement ? [STATEMENT] : [])]),
  recipients: fc.option(fc.subarray([...ORGS], { minLength: 1 }).map((orgs) => orgs.map(orgIdentityId)), { nil: null }),
  granular: fc.subarray([...GRANULAR_PROPS]).chain((props) =>
    fc.tuple(...props.map((property) => fc.constantFrom(...Object.keys(TLP_IDS)).map((marking) => ({ property, marking })))),
  ),
});

export const worldArbitrary: fc.Arbitrary<World> = fc
  .record({
    clients: fc.record(Object.fromEntries(ORGS.map((o) => [o, fc.subarray(ORGS.filter((x) => x !== o), { maxLength: 2 })])) as Record<string, fc.Arbitrary<string[]>>),
    communities: fc.array(orgSubset, { maxLength: 2 }).map((lists) => lists.map((members, i) => ({ id: `com${i}`, members }))),
    collectionSpecs: fc.array(
      fc.record({ readOrgs: orgSubset, communityMask: fc.nat(3), defaultTlp: fc.constantFrom(...LEVEL_NAMES), isPublic: fc.boolean() }),
      { minLength: 2, maxLength: 4 },
    ),
    objects: fc.array(
      fc.record({ owner: fc.constantFrom(...ORGS), collection: fc.nat(3), versions: fc.array(version, { minLength: 1, maxLength: 2 }) }),
      { minLength: 1, maxLength: 6 },
    ),
    reshares: fc.array(fc.record({ object: fc.nat(5), actor: fc.constantFrom(...ORGS), collection: fc.nat(3) }), { maxLength: 4 }),
  })
  .map(({ clients, communities, collectionSpecs, objects, reshares }) => {
    const collections = collectionSpecs.map((spec, i) => ({
      id: `00000000-0000-4000-8000-00000000000${i}`,
      readOrgs: spec.readOrgs,
      readCommunities: communities.filter((_c, k) => (spec.communityMask & (1 << k)) !== 0).map((c) => c.id),
      defaultTlp: spec.defaultTlp,
      isPublic: spec.isPublic,
    }));
    return {
      clients,
      communities,
      collections,
      objects: objects.map((o) => ({ ...o, collection: o.collection % collections.length })),
      // one attempt per object at most, so the copies the rule sees are the home versions only
      reshares: reshares
        .map((r) => ({ ...r, object: r.object % objects.length, collection: r.collection % collections.length }))
        .filter((r, i, all) => all.findIndex((x) => x.object === r.object) === i),
    };
  });

export function objectId(n: number): string {
  return `malware--00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

export function modifiedOf(v: number): string {
  return `2026-01-0${v + 1}T00:00:00.000Z`;
}

/** The STIX JSON of version `v` of object `n`. */
export function objectJson(n: number, v: number, spec: WorldVersion): string {
  return JSON.stringify({
    type: 'malware',
    spec_version: '2.1',
    id: objectId(n),
    created: '2026-01-01T00:00:00.000Z',
    modified: modifiedOf(v),
    name: `malware ${n}`,
    is_family: false,
    description: `description of ${n}`,
    aliases: [`alias-${n}`],
    ...(spec.markings.length === 0 ? {} : { object_marking_refs: spec.markings }),
    ...(spec.granular.length === 0 ? {} : { granular_markings: spec.granular.map((g) => ({ marking_ref: g.marking, selectors: [g.property] })) }),
    ...(spec.recipients === null ? {} : { extensions: { [SETU_RECIPIENTS_EXTENSION_ID]: { extension_type: 'property-extension', recipients: spec.recipients } } }),
  });
}
