// The outbound path over a node's store: which stored objects a destination would receive, each
// decided by access.decideShare (the TLP onward rule, then, for a destination outside the node's
// jurisdiction, the review queue and the PII gate). The share preview (mode 'preview') and the
// real paths (mode 'send': export for an organisation, federation, and direct reads by an
// organisation outside, node/read-gate.ts) run this same decision; the only difference is that
// 'send' records held objects in the review queue. So a preview shows exactly what a send delivers.
//
// Scope: every version in the chosen collections (all, by default, of those in the acting
// organisation's audience). Versions the acting organisation may not read (the store's read
// predicate) are listed as withheld, not readable, without content. The onward step is
// access.passOn (A's one rule for moving a stored version on someone's behalf: mayPassOn over the
// version's collection audience, and the fields the actor may not read removed); fields the
// recipient itself may not read are removed as well. The acting organisation is the one passing the
// objects on: the node's own organisation for a share, the organisation named by `export --as` for
// an export made on its behalf, the reader itself for a direct read.
import {
  IdentitiesOnce,
  collectionReaders,
  contentHash,
  decideShare,
  isOutside,
  notReadable,
  orgIdentityId,
  passOn,
  readScopeOf,
  threatContextOf,
  withoutHiddenFields,
  type Actor,
  type Destination,
  type JurisdictionProfile,
  type OnwardVerdict,
  type OutboundOptions,
  type ReadScope,
  type ReviewVerdict,
  type ShareCandidate,
  type ShareDecision,
  type ThreatContext,
} from '../access/index.js';
import type { CollectionRecord, NodeInfo, ObjectRecord, Organisation, ReviewDestinationKind, ReviewItem, Store } from '../store/index.js';
import { SetuError } from '../errors/index.js';
import { requireCollection, requireOrganisation } from './admin.js';
import { nodeOrganisationId, readNodeConfig } from './config.js';
import { nodePaths } from './data-dir.js';
import { jurisdictionProfile } from './jurisdiction.js';
import { ensurePseudonymKey } from './secrets.js';

type Json = Readonly<Record<string, unknown>>;

export interface ShareTarget {
  /** The organisation receiving (for a peer node: the organisation that runs it). */
  readonly to: string;
  readonly kind: ReviewDestinationKind;
  /** Collection ids; default every collection. */
  readonly collections?: readonly string[] | undefined;
  /** The organisation passing the objects on. */
  readonly actor: string;
  /** Only versions added after this normalised timestamp. */
  readonly addedAfter?: string | undefined;
  /**
   * The recipient is an anonymous reader (a direct read without credentials): `to` and `actor` are
   * ANONYMOUS_READER. It reads TLP:CLEAR in public collections only, and is outside every jurisdiction.
   */
  readonly anonymous?: boolean | undefined;
}

/** The recipient key of anonymous readers (organisation ids never contain '*'). */
export const ANONYMOUS_READER = '*';

export interface ShareSetup {
  readonly store: Store;
  readonly profile: JurisdictionProfile;
  readonly pseudonymKey: Uint8Array;
  /** Epoch ms and an id source, used only in 'send' mode (review items). */
  readonly clock: () => number;
  readonly newId: () => string;
  /**
   * The node's country. A recipient inside its jurisdiction (access.isOutside) receives what
   * passes the onward rule as written; absent, every recipient is treated as outside.
   */
  readonly home?: string | undefined;
}

export type ShareMode = 'preview' | 'send';

export interface ShareItem {
  readonly decision: ShareDecision;
  /** Pseudonymous identities first needed by this decision: deliver them before it. */
  readonly identities: readonly Json[];
}

const PAGE = 1000;
/** Types that can tell the gate what the threat is (see access/pii threat.ts). */
export const THREAT_TYPES = ['indicator', 'relationship', 'sighting', 'observed-data', 'email-addr', 'user-account'];

async function* pages(store: Store, collections: readonly CollectionRecord[], reader: ReadScope, addedAfter: string | undefined, types?: readonly string[]): AsyncGenerator<ObjectRecord[]> {
  for (const collection of collections) {
    let afterSeq: number | undefined;
    for (;;) {
      const page = await store.queryObjects({
        collectionId: collection.id,
        versions: [{ kind: 'all' }],
        limit: PAGE,
        withJson: true,
        reader,
        ...(types === undefined ? {} : { types }),
        ...(addedAfter === undefined ? {} : { addedAfter }),
        ...(afterSeq === undefined ? {} : { afterSeq }),
      });
      if (page.records.length > 0) yield [...page.records];
      const last = page.records.at(-1);
      if (!page.more || last === undefined) break;
      afterSeq = last.seq;
    }
  }
}

/** One stored version after the onward step: what may go (as the recipient may see it), or why not. */
interface Onward {
  readonly candidate: ShareCandidate;
  readonly verdict: OnwardVerdict;
}

function onwardStep(record: ObjectRecord, actor: Actor, destination: Destination, sharedWith: readonly string[], recipient: ReadScope): Onward {
  const stored = record.json ?? 'null';
  const tlp = record.tlp ?? 'red';
  const ownerOrg = record.ownerOrg ?? null;
  const base = { collectionId: record.collectionId, id: record.id, type: record.type, version: record.version };
  const passed = passOn({ json: stored, tlp, ownerOrg, hasGranular: record.hasGranular === true }, { actor, destination, sharedWith });
  if ('reason' in passed) return { candidate: { ...base, json: stored }, verdict: { allowed: false, reason: passed.reason } };
  let json = passed.json;
  if (record.hasGranular === true) {
    const object = JSON.parse(json) as Json;
    const shown = withoutHiddenFields(object, tlp, ownerOrg, recipient);
    if (shown !== object) json = JSON.stringify(shown);
  }
  return { candidate: { ...base, json }, verdict: { allowed: true } };
}

/** The gate's options toward one recipient organisation: consent and membership come from the organisations. */
export function recipientGateOptions(orgs: readonly Organisation[], to: string, profile: JurisdictionProfile, pseudonymKey: Uint8Array): OutboundOptions {
  return {
    recipientOrg: to,
    recipientIdentities: new Set([orgIdentityId(to)]),
    profile,
    consent: new Set(orgs.filter((o) => o.attributionConsent === true).map((o) => orgIdentityId(o.id))),
    memberIdentities: new Set(orgs.map((o) => orgIdentityId(o.id))),
    pseudonymKey,
  };
}

/** A share made ready: its collections, the actor's view, and the decision for a page of versions. */
export interface PreparedShare {
  readonly collections: readonly CollectionRecord[];
  /** What the acting organisation may read: only such versions can be passed on. */
  readonly actorScope: ReadScope;
  /** The recipient is inside the node's jurisdiction: what passes the onward rule goes as written. */
  readonly inside: boolean;
  /** What the share says is the threat (pass 1); empty for a recipient inside. */
  readonly threats: ThreatContext;
  /** The highest seq pass 1 looked at (0: none): a later threat-type version may change `threats`. */
  readonly threatsUpTo: number;
  /** Decides versions the actor may read (records with JSON and visibility columns), in order. */
  decide(records: readonly ObjectRecord[], mode: ShareMode): Promise<ShareDecision[]>;
}

export async function prepareShare(setup: ShareSetup, target: ShareTarget): Promise<PreparedShare> {
  const { store } = setup;
  const anonymous = target.anonymous === true;
  const nobody: Pick<Organisation, 'id' | 'country' | 'clients'> = { id: ANONYMOUS_READER, country: null, clients: [] };
  const toOrg = anonymous ? nobody : await requireOrganisation(store, target.to);
  const actorOrg = anonymous ? nobody : await requireOrganisation(store, target.actor);
  const named = target.collections === undefined ? await store.listCollections() : await Promise.all(target.collections.map((id) => requireCollection(store, id)));
  const orgs = await store.listOrganisations();
  const communities = await store.listCommunities();
  const audiences = new Map(named.map((c) => [c.id, collectionReaders(c, communities)]));
  // Only what the acting organisation may read can be passed on: a collection outside its audience
  // is refused when named, and left out when all are meant.
  const readable = (c: CollectionRecord) => (anonymous ? c.public === true : audiences.get(c.id)?.includes(target.actor) === true);
  const refused = target.collections === undefined ? undefined : named.find((c) => !readable(c));
  if (refused !== undefined) {
    throw new SetuError('SETU_ERR_NODE_BAD_ARGUMENT', `organisation ${target.actor} may not read collection ${refused.id}`, { field: 'collection', value: refused.id });
  }
  const collections = named.filter(readable);
  const actorScope = readScopeOf(anonymous ? null : target.actor);
  const recipientScope = readScopeOf(anonymous ? null : target.to);
  const actor: Actor = { orgId: actorOrg.id, clients: actorOrg.clients ?? [] };
  const destination: Destination = { kind: 'organisation', orgId: target.to };
  const step = (record: ObjectRecord) => onwardStep(record, actor, destination, audiences.get(record.collectionId) ?? [], recipientScope);
  // Without the node's country every recipient counts as outside: the gate is never skipped by omission.
  const inside = setup.home !== undefined && !isOutside(toOrg, { country: setup.home, profile: setup.profile });

  // Pass 1: what the share says is the threat, from the objects that may go at all.
  const threatSources: Json[] = [];
  let threatsUpTo = 0;
  if (!inside) {
    for await (const records of pages(store, collections, actorScope, target.addedAfter, THREAT_TYPES)) {
      for (const record of records) {
        threatsUpTo = Math.max(threatsUpTo, record.seq);
        const { candidate, verdict } = step(record);
        if (verdict.allowed) threatSources.push(JSON.parse(candidate.json) as Json);
      }
    }
  }
  const threats = threatContextOf(threatSources);
  const base = { ...recipientGateOptions(orgs, target.to, setup.profile, setup.pseudonymKey), threats, recipientInside: inside };

  const decide = async (records: readonly ObjectRecord[], mode: ShareMode): Promise<ShareDecision[]> => {
    const steps = records.map(step);
    const reviews = new Map<string, ReviewItem>();
    if (!inside) {
      const hashes = [...new Set(steps.map((s) => contentHash(s.candidate.json)))];
      for (const item of await store.findReviewItems(target.kind, target.to, hashes)) reviews.set(`${item.objectId} ${item.contentHash}`, item);
    }
    const review = (objectId: string, hash: string): ReviewVerdict | undefined => {
      const item = reviews.get(`${objectId} ${hash}`);
      return item === undefined ? undefined : { reviewId: item.id, state: item.state, release: item.release };
    };
    const decisions: ShareDecision[] = [];
    for (const { candidate, verdict } of steps) {
      let decision = decideShare(candidate, { ...base, onward: () => verdict, review });
      if (mode === 'send' && decision.outcome === 'hold' && decision.reviewId === undefined) {
        const held = await store.holdForReview({
          id: setup.newId(),
          destinationKind: target.kind,
          destinationId: target.to,
          collectionId: candidate.collectionId,
          objectId: candidate.id,
          objectType: candidate.type,
          version: candidate.version,
          contentHash: decision.contentHash,
          json: candidate.json,
          profile: setup.profile.id,
          reasons: decision.reasons.map(({ source: _source, ...reason }) => reason),
          createdAt: new Date(setup.clock()).toISOString(),
        });
        reviews.set(`${candidate.id} ${decision.contentHash}`, held.item);
        decision = { ...decision, reviewId: held.item.id };
      }
      decisions.push(decision);
    }
    return decisions;
  };
  return { collections, actorScope, inside, threats, threatsUpTo, decide };
}

/**
 * Every version of one collection in seq order, each with its record when the reader may read it
 * (JSON and visibility columns) or without one when it may not. Two queries per page: all versions
 * (no bodies), then the readable ones in the same seq range (a subset, so one page of them covers it).
 */
async function* everyVersion(store: Store, collection: CollectionRecord, reader: ReadScope, addedAfter: string | undefined): AsyncGenerator<{ version: ObjectRecord; readable: ObjectRecord | undefined }[]> {
  let afterSeq: number | undefined;
  for (;;) {
    const window = { collectionId: collection.id, versions: [{ kind: 'all' as const }], limit: PAGE, ...(addedAfter === undefined ? {} : { addedAfter }), ...(afterSeq === undefined ? {} : { afterSeq }) };
    const all = await store.queryObjects({ ...window, withJson: false });
    const last = all.records.at(-1);
    if (last === undefined) return;
    const shown = await store.queryObjects({ ...window, withJson: true, reader });
    const bySeq = new Map(shown.records.filter((r) => r.seq <= last.seq).map((r) => [r.seq, r]));
    yield all.records.map((version) => ({ version, readable: bySeq.get(version.seq) }));
    if (!all.more) return;
    afterSeq = last.seq;
  }
}

/**
 * Every version of the chosen collections, decided: those the acting organisation may not read are
 * listed too, withheld as not readable, without their content.
 */
export async function* shareObjects(setup: ShareSetup, target: ShareTarget, mode: ShareMode): AsyncGenerator<ShareItem> {
  const share = await prepareShare(setup, target);
  const once = new IdentitiesOnce();
  for (const collection of share.collections) {
    for await (const rows of everyVersion(setup.store, collection, share.actorScope, target.addedAfter)) {
      const readable = rows.flatMap((r) => (r.readable === undefined ? [] : [r.readable]));
      const decided = new Map((await share.decide(readable, mode)).map((d, i) => [readable[i]!.seq, d]));
      for (const { version } of rows) {
        const decision = decided.get(version.seq) ?? notReadable(version, target.actor);
        yield { decision, identities: once.take(decision) };
      }
    }
  }
}

/** What the gate needs from a node's data directory: its profile, its pseudonym key and its own organisation. */
export interface GateConfig {
  readonly profile: JurisdictionProfile;
  readonly pseudonymKey: Uint8Array;
  /** The node's own organisation (created by `setu init`): the default acting organisation of a share. */
  readonly nodeOrg: string;
  /** The node's country: organisations of another one (and those the profile lists) are outside. */
  readonly country: string;
}

export async function loadGateConfig(dir: string, info: NodeInfo, profileOverride?: string): Promise<GateConfig> {
  return {
    profile: await jurisdictionProfile(dir, info.country, profileOverride),
    pseudonymKey: await ensurePseudonymKey(dir),
    nodeOrg: nodeOrganisationId(await readNodeConfig(nodePaths(dir).config), info),
    country: info.country,
  };
}

/** A share preview: what `shareObjects` would deliver, with counts. */
export interface SharePreview {
  readonly destination: { readonly kind: ReviewDestinationKind; readonly id: string };
  readonly actor: string;
  readonly profile: { readonly id: string; readonly name: string; readonly law: string };
  readonly counts: { readonly send: number; readonly hold: number; readonly withhold: number };
  /** One decision per object version, in store order. */
  readonly objects: readonly ShareDecision[];
  /** Pseudonymous identities delivered alongside the objects (once each). */
  readonly identities: readonly Json[];
}

export async function previewShare(setup: ShareSetup, target: ShareTarget): Promise<SharePreview> {
  const items: ShareItem[] = [];
  for await (const item of shareObjects(setup, target, 'preview')) items.push(item);
  const objects = items.map((i) => i.decision);
  const count = (outcome: ShareDecision['outcome']) => objects.filter((d) => d.outcome === outcome).length;
  const { id, name, law } = setup.profile;
  return {
    destination: { kind: target.kind, id: target.to },
    actor: target.actor,
    profile: { id, name, law },
    counts: { send: count('send'), hold: count('hold'), withhold: count('withhold') },
    objects,
    identities: items.flatMap((i) => i.identities),
  };
}

/**
 * How much of a preview its caller receives. 'full': the node's administrators and callers inside
 * the jurisdiction (who may read what they pass on as written). A caller outside the jurisdiction
 * never receives through the preview more than its own direct read gives it (DESIGN principle 5):
 * 'without-values' toward its own organisation (the content is its direct-read view; personal-data
 * values, the removed text and the identities behind pseudonyms are left out of reasons,
 * redactions and messages), 'fates-only' toward any other destination (each version's fate and
 * reasons, no content at all).
 */
export type PreviewContent = 'full' | 'without-values' | 'fates-only';

const withoutValue = <R extends { readonly match?: string; readonly message: string }>(reason: R): Omit<R, 'match'> => {
  const { match, ...rest } = reason;
  return match === undefined ? rest : { ...rest, message: rest.message.split(JSON.stringify(match)).join('(value not shown)') };
};

/** The preview as a caller of the given view may receive it (see PreviewContent). */
export function previewFor(preview: SharePreview, content: PreviewContent): Readonly<Record<string, unknown>> {
  if (content === 'full') return { ...preview, content };
  const objects = preview.objects.map((d) => {
    if (d.outcome !== 'send') return { ...d, reasons: d.reasons.map(withoutValue) };
    const { json, redactions, pseudonyms, identities: _identities, kept, ...rest } = d;
    const redacted = redactions.map(({ kind, path }) => ({ kind, path }));
    const keptKinds = kept.map(({ kind, path, exempt }) => ({ kind, path, ...(exempt === undefined ? {} : { exempt }) }));
    if (content === 'fates-only') return { ...rest, redactions: redacted, kept: keptKinds };
    return { ...rest, json, redactions: redacted, pseudonyms: pseudonyms.map(({ pseudonym }) => ({ pseudonym })), kept: keptKinds };
  });
  return { ...preview, content, objects, identities: content === 'fates-only' ? [] : preview.identities };
}
