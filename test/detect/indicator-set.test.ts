// IndicatorSet: which indicators are active (injected clock), newest version wins, invalid
// patterns are reported, removal, statistics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IndicatorSet, matchEvent } from '../../src/detect/index.js';
import { eventAt, idOf, indicator, ip, NOW } from './helpers.js';

const C2 = "[ipv4-addr:value = '198.51.100.1']";

test('upsert outcomes follow activity: revoked, not yet valid, expired, not STIX patterning', () => {
  const set = new IndicatorSet(() => NOW);
  assert.deepEqual(set.upsert(indicator(1, C2)), { outcome: 'added', id: idOf(1) });
  assert.equal(set.upsert(indicator(2, C2, { revoked: true })).outcome, 'inactive');
  assert.equal(set.upsert(indicator(3, C2, { valid_from: '2027-01-01T00:00:00Z' })).outcome, 'inactive');
  assert.equal(set.upsert(indicator(4, C2, { valid_until: '2026-11-26T00:00:00Z' })).outcome, 'inactive');
  assert.equal(set.upsert(indicator(5, C2, { valid_until: '2026-11-28T00:00:00Z' })).outcome, 'added');
  assert.equal(set.upsert(indicator(6, 'alert tcp any any', { pattern_type: 'snort' })).outcome, 'inactive');
  assert.equal(set.upsert({ type: 'malware', id: 'malware--x' }).outcome, 'ignored');
  assert.equal(set.upsert('{not json').outcome, 'invalid');
  assert.deepEqual(matchEvent(set, eventAt(0, [ip('198.51.100.1')])), [idOf(1), idOf(5)]);
});

test('invalid patterns are refused with the reason: syntax, and literals the matcher rejects', () => {
  const set = new IndicatorSet(() => NOW);
  const syntax = set.upsert(indicator(1, "[ipv4-addr:value = '1.2.3.4'"));
  assert.equal(syntax.outcome, 'invalid');
  assert.match(syntax.reason ?? '', /line 1:29: unexpected <EOF>/);
  assert.match(set.upsert(indicator(2, "[ipv4-addr:value ISSUBSET 'not-an-ip']")).reason ?? '', /not an IP address/);
  assert.match(set.upsert(indicator(3, "[file:name MATCHES '(?<!x)++']")).reason ?? '', /regular expression/);
  assert.equal(set.size, 0);
});

test('the newest version wins; older versions arriving later are stale; revocation removes', () => {
  const set = new IndicatorSet(() => NOW);
  set.upsert(indicator(1, C2, { modified: '2026-03-01T00:00:00.000Z' }));
  assert.equal(set.upsert(indicator(1, "[ipv4-addr:value = '198.51.100.2']", { modified: '2026-02-01T00:00:00.000Z' })).outcome, 'stale');
  assert.equal(set.upsert(indicator(1, "[ipv4-addr:value = '198.51.100.3']", { modified: '2026-04-01T00:00:00.000Z' })).outcome, 'replaced');
  assert.deepEqual(matchEvent(set, eventAt(0, [ip('198.51.100.1')])), [], 'the old pattern left the index');
  assert.deepEqual(matchEvent(set, eventAt(0, [ip('198.51.100.3')])), [idOf(1)]);
  assert.equal(set.upsert(indicator(1, C2, { modified: '2026-05-01T00:00:00.000Z', revoked: true })).outcome, 'removed');
  assert.equal(set.upsert(indicator(1, C2, { modified: '2026-04-15T00:00:00.000Z' })).outcome, 'stale', 'a version older than the revocation stays out');
  assert.equal(set.size, 0);
});

test('remove and stats', () => {
  const set = new IndicatorSet(() => NOW);
  set.upsert(indicator(1, C2));
  set.upsert(indicator(2, "[ipv4-addr:value ISSUBSET '198.51.100.0/24']"));
  set.upsert(indicator(3, "[network-traffic:dst_ref.value = '198.51.100.1' AND network-traffic:dst_port = 443]"));
  set.upsert(indicator(4, '[network-traffic:dst_port > 1024]'));
  assert.deepEqual(set.stats(), { active: 4, exact: 2, anchored: 1, unanchored: 1, equalityKeys: 2, cidrBlocks: 1 });
  assert.equal(set.remove(idOf(2)), true);
  assert.equal(set.remove(idOf(2)), false);
  assert.deepEqual(set.stats(), { active: 3, exact: 1, anchored: 1, unanchored: 1, equalityKeys: 2, cidrBlocks: 0 });
  assert.equal(set.get(idOf(1))?.compiled.slots, 1, 'an index-decided indicator still compiles on demand');
});
