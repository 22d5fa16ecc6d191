// Turns hits into STIX 2.1 sightings. Hits are grouped per indicator and per aggregation window
// (fixed buckets of `bucketSeconds` on the event clock, keyed by the time of the hit's latest
// event): one sighting per group, with `count` = hits in the group, `first_seen`/`last_seen` = the
// earliest and latest event times, `where_sighted_refs` = the operator's identity, and
// `observed_data_refs` naming one observed-data per event of the first `maxObservedPerSighting`
// hits (the raw evidence, with its SCOs under deterministic ids).
import { withDeterministicId } from '../stix/index.js';
import type { Hit } from './detector.js';
import type { DetectEvent } from './event.js';
import { formatMicros } from './time.js';

export interface SightingOptions {
  /** identity--… of the organisation that operates the sensor. */
  readonly sightedBy: string;
  /** Aggregation window in seconds (default 3600). */
  readonly bucketSeconds?: number;
  /** Hits whose events are attached as observed-data, per sighting (default 10). */
  readonly maxObservedPerSighting?: number;
}

interface Group {
  readonly indicatorId: string;
  first: number;
  last: number;
  count: number;
  readonly samples: (readonly DetectEvent[])[];
}

type StixObject = Record<string, unknown> & { readonly id: string; readonly type: string };

const MAX_COUNT = 999_999_999;

/** The event's SCOs as STIX 2.1 objects with deterministic ids (references rewritten to ids). */
export function stixScosOf(event: DetectEvent): StixObject[] {
  const ids: (string | undefined)[] = [];
  const out: (StixObject | undefined)[] = [];
  const hasRefs = (sco: Record<string, unknown>): boolean => Object.keys(sco).some((k) => k.endsWith('_ref'));
  for (const pass of [false, true]) {
    event.scos.forEach((sco, index) => {
      if (hasRefs(sco) !== pass) return;
      const copy: Record<string, unknown> = { type: sco.type, spec_version: '2.1' };
      for (const [key, value] of Object.entries(sco)) {
        if (key === 'type') continue;
        copy[key] = key.endsWith('_ref') && typeof value === 'string' ? ids[Number(value)] : value;
      }
      const withId = withDeterministicId(copy) as StixObject;
      ids[index] = withId.id;
      out[index] = withId;
    });
  }
  return out.filter((o): o is StixObject => o !== undefined);
}

export class SightingAggregator {
  private readonly groups = new Map<string, Group>();
  private readonly bucketMicros: number;
  private readonly maxSamples: number;

  constructor(private readonly options: SightingOptions) {
    this.bucketMicros = Math.max(1, Math.round((options.bucketSeconds ?? 3600) * 1e6));
    this.maxSamples = Math.max(0, options.maxObservedPerSighting ?? 10);
  }

  get size(): number {
    return this.groups.size;
  }

  add(hit: Hit): void {
    let first = Infinity;
    let last = -Infinity;
    for (const event of hit.events) {
      if (event.time < first) first = event.time;
      if (event.time > last) last = event.time;
    }
    const key = `${hit.indicator.id} ${Math.floor(last / this.bucketMicros)}`;
    const group = this.groups.get(key);
    if (group === undefined) {
      this.groups.set(key, { indicatorId: hit.indicator.id, first, last, count: 1, samples: this.maxSamples > 0 ? [hit.events] : [] });
      return;
    }
    group.count++;
    if (first < group.first) group.first = first;
    if (last > group.last) group.last = last;
    if (group.samples.length < this.maxSamples) group.samples.push(hit.events);
  }

  /** The sightings, their observed-data and SCOs; `clock` (epoch ms) stamps created/modified. */
  toObjects(clock: () => number, newId: () => string): StixObject[] {
    const now = new Date(clock()).toISOString();
    const sightedBy = this.options.sightedBy;
    const scos = new Map<string, StixObject>();
    const observed: StixObject[] = [];
    const sightings: StixObject[] = [];
    for (const group of this.groups.values()) {
      const refs: string[] = [];
      for (const events of group.samples) {
        for (const event of events) {
          const objects = stixScosOf(event);
          for (const object of objects) scos.set(object.id, object);
          if (objects.length === 0) continue;
          const at = formatMicros(event.time);
          const od: StixObject = {
            type: 'observed-data',
            spec_version: '2.1',
            id: `observed-data--${newId()}`,
            created: now,
            modified: now,
            created_by_ref: sightedBy,
            first_observed: at,
            last_observed: at,
            number_observed: 1,
            object_refs: objects.map((o) => o.id),
          };
          observed.push(od);
          refs.push(od.id);
        }
      }
      const sighting: StixObject = {
        type: 'sighting',
        spec_version: '2.1',
        id: `sighting--${newId()}`,
        created: now,
        modified: now,
        created_by_ref: sightedBy,
        sighting_of_ref: group.indicatorId,
        first_seen: formatMicros(group.first),
        last_seen: formatMicros(group.last),
        count: Math.min(group.count, MAX_COUNT),
        where_sighted_refs: [sightedBy],
        ...(refs.length > 0 ? { observed_data_refs: refs } : {}),
      };
      sightings.push(sighting);
    }
    return [...scos.values(), ...observed, ...sightings];
  }
}
