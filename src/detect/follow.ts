// Keeps an IndicatorSet current from the in-process event bus: every newly stored indicator
// version announced as 'added' is upserted (a newer version replaces, a revoked or expired one
// removes). Returns the function that unsubscribes.
import type { IndicatorSet, UpsertOutcome } from './indicator-set.js';

export interface AddedRecord {
  readonly type: string;
  readonly json?: string;
}

export interface AddedEvents {
  on(event: 'added', listener: (records: readonly AddedRecord[]) => void): unknown;
  off(event: 'added', listener: (records: readonly AddedRecord[]) => void): unknown;
}

export function followIndicators(events: AddedEvents, set: IndicatorSet, onOutcome?: (outcome: UpsertOutcome) => void): () => void {
  const listener = (records: readonly AddedRecord[]): void => {
    for (const record of records) {
      if (record.type !== 'indicator' || record.json === undefined) continue;
      const outcome = set.upsert(record.json);
      onOutcome?.(outcome);
    }
  };
  events.on('added', listener);
  return () => {
    events.off('added', listener);
  };
}
