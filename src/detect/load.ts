// Filling an IndicatorSet: from a node's store (newest version of every indicator in the given
// collections, or all of them, read page by page) or from a file holding a bundle, a list of
// objects or one object. Unusable indicators are counted and listed, never fatal.
import { SetuError } from '../errors/index.js';
import type { Store } from '../store/index.js';
import type { IndicatorSet, UpsertOutcome, UpsertOutcomeKind } from './indicator-set.js';

export interface LoadSummary {
  readonly seen: number;
  readonly outcomes: Partial<Record<UpsertOutcomeKind, number>>;
  /** The first invalid indicators, with why. */
  readonly invalid: readonly { id: string | undefined; reason: string | undefined }[];
}

class Tally {
  seen = 0;
  readonly outcomes: Partial<Record<UpsertOutcomeKind, number>> = {};
  readonly invalid: { id: string | undefined; reason: string | undefined }[] = [];

  note(outcome: UpsertOutcome): void {
    this.seen++;
    this.outcomes[outcome.outcome] = (this.outcomes[outcome.outcome] ?? 0) + 1;
    if (outcome.outcome === 'invalid' && this.invalid.length < 20) this.invalid.push({ id: outcome.id, reason: outcome.reason });
  }

  summary(): LoadSummary {
    return { seen: this.seen, outcomes: this.outcomes, invalid: this.invalid };
  }
}

const PAGE = 1000;

export async function loadFromStore(store: Store, set: IndicatorSet, collections?: readonly string[]): Promise<LoadSummary> {
  const ids = collections !== undefined && collections.length > 0 ? collections : (await store.listCollections()).map((c) => c.id);
  const tally = new Tally();
  for (const collectionId of ids) {
    let afterSeq: number | undefined;
    for (;;) {
      const page = await store.queryObjects({
        collectionId,
        types: ['indicator'],
        versions: [{ kind: 'last' }],
        limit: PAGE,
        withJson: true,
        ...(afterSeq === undefined ? {} : { afterSeq }),
      });
      for (const record of page.records) if (record.json !== undefined) tally.note(set.upsert(record.json));
      const last = page.records[page.records.length - 1];
      if (!page.more || last === undefined) break;
      afterSeq = last.seq;
    }
  }
  return tally.summary();
}

/** Objects of a bundle, a JSON list of objects, or one object. */
export function objectsOfDocument(text: string): unknown[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new SetuError('SETU_ERR_DETECT_BAD_INDICATORS', `indicators file is not JSON: ${(error as Error).message}`);
  }
  if (Array.isArray(value)) return value;
  if (typeof value === 'object' && value !== null) {
    const doc = value as Record<string, unknown>;
    if (doc['type'] === 'bundle' || Array.isArray(doc['objects'])) {
      if (!Array.isArray(doc['objects'])) throw new SetuError('SETU_ERR_DETECT_BAD_INDICATORS', 'bundle has no objects list');
      return doc['objects'];
    }
    return [doc];
  }
  throw new SetuError('SETU_ERR_DETECT_BAD_INDICATORS', 'indicators file must hold a bundle, a list of objects or one object');
}

export function loadFromDocument(text: string, set: IndicatorSet): LoadSummary {
  const tally = new Tally();
  for (const object of objectsOfDocument(text)) {
    if (typeof object !== 'object' || object === null || (object as Record<string, unknown>)['type'] !== 'indicator') continue;
    tally.note(set.upsert(object as Record<string, unknown>));
  }
  return tally.summary();
}
