// Sightings: grouping per indicator and aggregation window, counts, first/last seen, evidence
// limits, deterministic SCO ids with rewritten references, and valid STIX 2.1 output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SightingAggregator, stixScosOf } from '../../src/detect/index.js';
import type { CompiledIndicator, DetectEvent } from '../../src/detect/index.js';
import { validate } from '../../src/stix/index.js';
import { eventAt, idOf, ip } from './helpers.js';

const SIGHTED_BY = 'identity--6f1d3c1e-2a57-4b6a-9d7e-0c2f4a8b9e11';
const indicatorRef = (n: number) => ({ id: idOf(n) }) as CompiledIndicator;
const traffic = (seconds: number): DetectEvent => eventAt(seconds, [ip('192.0.2.10'), ip('198.51.100.1'), { type: 'network-traffic', protocols: ['tcp'], src_ref: '0', dst_ref: '1', dst_port: 443 }]);
let n = 0;
const newId = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

test('SCOs get deterministic ids and references become ids', () => {
  const scos = stixScosOf(traffic(0));
  assert.equal(scos.length, 3);
  const [src, dst, nt] = scos;
  assert.match(src?.id ?? '', /^ipv4-addr--[0-9a-f-]{36}$/);
  assert.equal(nt?.['src_ref'], src?.id);
  assert.equal(nt?.['dst_ref'], dst?.id);
  assert.deepEqual(stixScosOf(traffic(5)).map((s) => s.id), scos.map((s) => s.id), 'same values, same ids');
});

test('one sighting per indicator and window, with count, first/last seen and bounded evidence', () => {
  const aggregator = new SightingAggregator({ sightedBy: SIGHTED_BY, bucketSeconds: 60, maxObservedPerSighting: 2 });
  for (const s of [0, 10, 20, 59]) aggregator.add({ indicator: indicatorRef(1), events: [traffic(s)] });
  aggregator.add({ indicator: indicatorRef(1), events: [traffic(60)] });
  aggregator.add({ indicator: indicatorRef(2), events: [traffic(30), traffic(40)] });
  assert.equal(aggregator.size, 3);
  const objects = aggregator.toObjects(() => Date.parse('2026-11-28T00:00:00Z'), newId);
  const sightings = objects.filter((o) => o.type === 'sighting');
  const observed = objects.filter((o) => o.type === 'observed-data');
  assert.deepEqual(sightings.map((s) => [s['sighting_of_ref'], s['count'], s['first_seen'], s['last_seen'], (s['observed_data_refs'] as string[]).length]), [
    [idOf(1), 4, '2026-11-27T00:00:00.000000Z', '2026-11-27T00:00:59.000000Z', 2],
    [idOf(1), 1, '2026-11-27T00:01:00.000000Z', '2026-11-27T00:01:00.000000Z', 1],
    [idOf(2), 1, '2026-11-27T00:00:30.000000Z', '2026-11-27T00:00:40.000000Z', 2],
  ]);
  assert.equal(observed.length, 5);
  assert.equal(objects.filter((o) => o.type === 'ipv4-addr').length, 2, 'SCOs are posted once');
  for (const s of sightings) {
    assert.deepEqual(s['where_sighted_refs'], [SIGHTED_BY]);
    assert.equal(s['created_by_ref'], SIGHTED_BY);
  }
  for (const object of objects) {
    const result = validate(object);
    assert.equal(result.valid, true, `${object.id}: ${JSON.stringify(result)}`);
  }
});
