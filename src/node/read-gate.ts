// Direct reads by an organisation outside the node's jurisdiction (or an anonymous reader of a
// public collection, who may be anywhere): a read is a transfer like any other, so such a reader
// receives exactly what a share to it (node.prepareShare, acting and receiving organisation both
// the reader) lets out: redacted and pseudonymised, or held (queued
// for review, as a send would) or withheld. Readers inside get the stored bytes and never come here.
//
// Which versions pass is decided here, with the share's own decision, and recorded in the store
// (gate verdicts, migration 7) before the page query, which admits a version to this reader only
// through a passing verdict: pages, `more`, counts and 'first'/'last' stay exact, and a version
// not yet decided is never served. Verdicts are decided once per version and reused while their
// inputs stay the same; the inputs are fingerprinted (the profile, the organisations' countries
// and consents, the threat context of what the reader may read, and the decided review items for
// it), and a new fingerprint decides the collection afresh. Only foreign readers pay for this.
// The prepared share (its threat context above all, a scan of the threat-type versions the reader
// may read) is kept per (collection, reader) while nothing it was built from changed: the
// organisations, the collection and communities, the number of versions held (a delete), and no
// threat-type version readable by the reader added since; each read checks these in the store, so
// several processes on one database see each other's writes.
import { createHash } from 'node:crypto';
import { collectionReaders, isOutside, readScopeOf, type JurisdictionProfile, type ThreatContext } from '../access/index.js';
import type { GateVerdict, ObjectRecord, ReviewItem, Store } from '../store/index.js';
import { ANONYMOUS_READER, THREAT_TYPES, prepareShare, type PreparedShare, type ShareSetup } from './outbound.js';

const PAGE = 1000;
const DECIDE_BUDGET = 5000;

export interface ForeignReadSetup {
  readonly store: Store;
  readonly profile: JurisdictionProfile;
  readonly pseudonymKey: Uint8Array;
  /** The node's country. */
  readonly country: string;
  readonly clock: () => number;
  readonly newId: () => string;
  /**
   * At most this many versions decided per read (default 5,000), so no read waits on a whole large
   * collection: versions beyond are not served yet (as if not yet added), and each later read
   * decides the next ones.
   */
  readonly decideBudget?: number;
}

/** One foreign reader's view of one collection, ready for the page query. */
export interface ForeignView {
  /** Pass as ObjectQuery.gateReader. */
  readonly gateReader: string;
  /**
   * The JSON this reader receives for each record of a page read with gateReader (records with
   * JSON and visibility); undefined when a verdict changed since the page was read: read it again.
   */
  serve(records: readonly ObjectRecord[]): Promise<string[] | undefined>;
}

export interface ForeignReads {
  /**
   * The view of `orgId` (null: an anonymous reader of a public collection) on `collectionId`;
   * undefined when the organisation is inside (it reads objects as written).
   */
  viewFor(collectionId: string, orgId: string | null): Promise<ForeignView | undefined>;
}

async function decidedReviews(store: Store, orgId: string): Promise<string[]> {
  const out: string[] = [];
  for (const state of ['approved', 'rejected'] as const) {
    let afterId: string | undefined;
    for (;;) {
      const items: ReviewItem[] = await store.listReviewItems({ state, destinationKind: 'organisation', destinationId: orgId, limit: PAGE, ...(afterId === undefined ? {} : { afterId }) });
      for (const i of items) out.push(`${i.id} ${i.state} ${i.release ?? ''}`);
      if (items.length < PAGE) break;
      afterId = items.at(-1)?.id;
    }
  }
  return out.sort();
}

function fingerprint(parts: { profile: JurisdictionProfile; orgs: readonly unknown[]; threats: ThreatContext; reviews: readonly string[] }): string {
  const text = JSON.stringify({
    profile: parts.profile,
    orgs: parts.orgs,
    threats: [[...parts.threats.values].sort(), [...parts.threats.objects].sort()],
    reviews: parts.reviews,
  });
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * What the mark's text records (opaque to the store): the inputs the verdicts were last decided
 * under, and a pending re-decision sweep. A change of inputs never drops verdicts: dropping them
 * hid every version past the first decide budget of a large collection until later reads decided
 * them again, and a new indicator changes the inputs. Instead the versions already decided are
 * decided again by a sweep, budget by budget, while their older verdicts stay in force: an older
 * "held" that would now pass stays hidden until the sweep reaches it (the safe side), and an older
 * "passes" that no longer does is caught by serve(), which decides every page again before
 * anything is served. The sweep runs from `sweep` to the decided frontier, then, when the inputs
 * changed in the middle of a sweep, wraps around to re-decide what it had passed, up to `stop`.
 */
interface MarkState {
  readonly print: string;
  readonly sweep: number | null;
  readonly stop: number;
  readonly wrapped: boolean;
}

function decodeState(text: string | undefined): MarkState | undefined {
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(text) as Partial<MarkState>;
    if (typeof value.print !== 'string') return undefined;
    return { print: value.print, sweep: typeof value.sweep === 'number' ? value.sweep : null, stop: typeof value.stop === 'number' ? value.stop : 0, wrapped: value.wrapped === true };
  } catch {
    return undefined;
  }
}

/** The state after the inputs became `print`: a sweep over what was decided under other inputs. */
function afterInputs(state: MarkState | undefined, decided: boolean, print: string): MarkState {
  if (state?.print === print) return state;
  if (!decided) return { print, sweep: null, stop: 0, wrapped: false };
  // Idle: sweep everything from the start. Mid-sweep: go on, and after the frontier re-decide
  // what the sweep had already passed under the older inputs.
  return state?.sweep === null || state?.sweep === undefined ? { print, sweep: 0, stop: 0, wrapped: false } : { print, sweep: state.sweep, stop: state.sweep, wrapped: false };
}

/**
 * Decides, within the budget, the versions of the collection `reader` may read: first the pending
 * sweep over versions decided under older inputs, then the versions never decided (past the
 * frontier). Each page of verdicts is recorded with the mark in one store transaction.
 */
async function refresh(store: Store, share: PreparedShare, collectionId: string, reader: string, print: string, budget: number): Promise<void> {
  const mark = await store.gateMark(collectionId, reader);
  let uptoSeq = mark?.uptoSeq ?? 0;
  let state = afterInputs(decodeState(mark?.fingerprint), mark !== undefined && uptoSeq > 0, print);
  let left = budget;
  const scope = share.actorScope;
  const decideAfter = async (afterSeq: number, limit: number): Promise<{ records: readonly ObjectRecord[]; more: boolean; verdicts: GateVerdict[] }> => {
    const page = await store.queryObjects({ collectionId, versions: [{ kind: 'all' }], limit, withJson: true, reader: scope, afterSeq });
    const decisions = await share.decide(page.records, 'send');
    return { records: page.records, more: page.more, verdicts: page.records.map((r, i) => ({ seq: r.seq, pass: decisions[i]?.outcome === 'send' })) };
  };
  const record = (verdicts: readonly GateVerdict[]) =>
    store.recordGateVerdicts({ collectionId, reader, fingerprint: JSON.stringify(state), uptoSeq, reset: false, verdicts });

  while (state.sweep !== null && left > 0) {
    const end = state.wrapped ? state.stop : uptoSeq;
    const page = await decideAfter(state.sweep, Math.min(PAGE, left));
    const inRange = page.verdicts.filter((v) => v.seq <= end);
    left -= inRange.length;
    const reachedEnd = inRange.length < page.verdicts.length || !page.more || inRange.length === 0;
    const last = inRange.at(-1)?.seq ?? state.sweep;
    if (!reachedEnd) state = { ...state, sweep: last };
    else if (!state.wrapped && state.stop > 0) state = { ...state, sweep: 0, wrapped: true };
    else state = { ...state, sweep: null, stop: 0, wrapped: false };
    await record(inRange);
  }
  let recorded = mark !== undefined && decodeState(mark.fingerprint)?.print === print;
  while (left > 0) {
    const page = await decideAfter(uptoSeq, Math.min(PAGE, left));
    uptoSeq = page.records.at(-1)?.seq ?? uptoSeq;
    left -= page.records.length;
    if (page.verdicts.length > 0 || !recorded) await record(page.verdicts);
    recorded = true;
    if (!page.more) return;
  }
}

/** A reader key no verdict is ever recorded for (organisation ids are never empty). */
const NOTHING: ForeignView = {
  gateReader: '',
  async serve(records) {
    if (records.length > 0) throw new Error('no version passes the gate for this reader');
    return [];
  },
};

interface Prepared {
  readonly share: PreparedShare;
  /** The organisations, collection and communities it was built from. */
  readonly basis: string;
  /** Versions held in the collection when it was built. */
  readonly count: number;
}

export function foreignReads(setup: ForeignReadSetup): ForeignReads {
  const { store } = setup;
  const shareSetup: ShareSetup = { store, profile: setup.profile, pseudonymKey: setup.pseudonymKey, clock: setup.clock, newId: setup.newId, home: setup.country };
  const prepared = new Map<string, Prepared>();

  /** The share toward `orgId` on the collection: the kept one while its inputs are unchanged. */
  const shareFor = async (collectionId: string, orgId: string | null, basis: string): Promise<PreparedShare> => {
    const key = `${collectionId}\u0000${orgId ?? ANONYMOUS_READER}`;
    const count = await store.countObjects(collectionId);
    const kept = prepared.get(key);
    if (kept !== undefined && kept.basis === basis && kept.count === count) {
      const newer = await store.queryObjects({ collectionId, versions: [{ kind: 'all' }], types: THREAT_TYPES, limit: 1, withJson: false, reader: kept.share.actorScope, afterSeq: kept.share.threatsUpTo });
      if (newer.records.length === 0) return kept.share;
    }
    const reader = orgId ?? ANONYMOUS_READER;
    const share = await prepareShare(shareSetup, { to: reader, actor: reader, kind: 'organisation', collections: [collectionId], anonymous: orgId === null });
    prepared.set(key, { share, basis, count });
    return share;
  };

  return {
    async viewFor(collectionId, orgId) {
      // An anonymous reader may be anywhere: it is outside, and reads public collections only.
      const org = orgId === null ? undefined : await store.getOrganisation(orgId);
      if (org !== undefined && !isOutside(org, { country: setup.country, profile: setup.profile })) return undefined;
      // A node-admin may read any collection, but an organisation outside that is not in its
      // audience is no recipient of it: nothing is passed to it.
      const collection = await store.getCollection(collectionId);
      const communities = await store.listCommunities();
      const recipient = orgId === null ? collection?.public === true : collection !== undefined && collectionReaders(collection, communities).includes(orgId);
      if (collection === undefined || !recipient) return NOTHING;
      const reader = orgId ?? ANONYMOUS_READER;
      const organisations = await store.listOrganisations();
      const share = await shareFor(collectionId, orgId, JSON.stringify([organisations, collection, communities]));
      const orgs = organisations.map((o) => [o.id, o.country, o.attributionConsent === true]);
      const print = fingerprint({ profile: setup.profile, orgs, threats: share.threats, reviews: await decidedReviews(store, reader) });
      await refresh(store, share, collectionId, reader, print, setup.decideBudget ?? DECIDE_BUDGET);
      return {
        gateReader: reader,
        async serve(records) {
          const decisions = await share.decide(records, 'preview');
          const changed = records.filter((_, i) => decisions[i]?.outcome !== 'send');
          if (changed.length === 0) return decisions.map((d) => (d.outcome === 'send' ? d.json : ''));
          // A version recorded as passing no longer does (its inputs changed, and the sweep has not
          // reached it yet): record that, queue a hold for review as a send would, and have the
          // caller read the page again. Nothing of the page is served.
          await share.decide(changed, 'send');
          const now = await store.gateMark(collectionId, reader);
          await store.recordGateVerdicts({
            collectionId,
            reader,
            fingerprint: now?.fingerprint ?? JSON.stringify({ print, sweep: null, stop: 0, wrapped: false }),
            uptoSeq: now?.uptoSeq ?? 0,
            reset: false,
            verdicts: changed.map((r) => ({ seq: r.seq, pass: false })),
          });
          return undefined;
        },
      };
    },
  };
}
