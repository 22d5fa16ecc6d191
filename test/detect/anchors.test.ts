// planPattern: which comparisons anchor a pattern, when the anchors decide it, when one event does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePattern } from '../../src/pattern/index.js';
import { planPattern } from '../../src/detect/index.js';

function plan(text: string) {
  const parsed = parsePattern(text);
  assert.ok(parsed.ok, text);
  const p = planPattern(parsed.ast);
  return { exact: p.exact, stateless: p.stateless, anchors: p.anchors?.map((a) => `${a.kind} ${a.type}:${a.steps.join('.')} ${a.kind === 'equal' ? a.value : `/${a.block.prefix}`}`), types: [...p.types].sort() };
}

test('single equality, IN and ISSUBSET are exact anchors', () => {
  assert.deepEqual(plan("[ipv4-addr:value = '198.51.100.1']"), { exact: true, stateless: true, anchors: ['equal ipv4-addr:value 198.51.100.1'], types: ['ipv4-addr'] });
  assert.deepEqual(plan("[file:hashes.'SHA-256' IN ('aa', 'bb')]").anchors, ['equal file:hashes.SHA-256 aa', 'equal file:hashes.SHA-256 bb']);
  assert.deepEqual(plan("[ipv6-addr:value ISSUBSET '2001:db8::/32' OR ipv4-addr:value ISSUBSET '198.51.100.0/24']").anchors, ['cidr ipv6-addr:value /32', 'cidr ipv4-addr:value /24']);
  assert.equal(plan("[network-traffic:dst_ref.value = '198.51.100.1']").exact, true, 'a _ref step is followed inside the event');
});

test('AND keeps one side as a pre-filter; OR needs both sides', () => {
  assert.deepEqual(plan("[network-traffic:dst_ref.value = '198.51.100.1' AND network-traffic:dst_port = 443]"), {
    exact: false, stateless: true, anchors: ['equal network-traffic:dst_ref.value 198.51.100.1'], types: ['network-traffic'],
  });
  assert.equal(plan("[ipv4-addr:value = '198.51.100.1' OR network-traffic:dst_port = 443]").anchors, undefined);
});

test('comparisons the index cannot hold leave the pattern unanchored', () => {
  for (const text of [
    "[ipv4-addr:value NOT = '198.51.100.1']",
    "[ipv4-addr:value != '198.51.100.1']",
    "[url:value LIKE 'http://%']",
    '[network-traffic:dst_port > 1024]',
    '[EXISTS file:name]',
    "[network-traffic:dst_ref = 'x']",
    "[email-message:to_refs[*].value = 'a@example']",
    "[artifact:payload_bin = 'aGk=']",
    "[ipv4-addr:value ISSUPERSET '198.51.100.1']",
  ]) assert.equal(plan(text).anchors, undefined, text);
});

test('several observations or a qualifier: anchored by every observation, never exact, not stateless', () => {
  assert.deepEqual(plan("([domain-name:value = 'a.example'] FOLLOWEDBY [ipv4-addr:value = '198.51.100.1']) WITHIN 60 SECONDS"), {
    exact: false, stateless: false, anchors: ['equal domain-name:value a.example', 'equal ipv4-addr:value 198.51.100.1'], types: ['domain-name', 'ipv4-addr'],
  });
  assert.equal(plan("[domain-name:value = 'a.example'] REPEATS 2 TIMES").stateless, false);
  assert.equal(plan("[domain-name:value = 'a.example'] AND [file:size > 10]").anchors, undefined, 'one unanchored observation unanchors the pattern');
  assert.equal(plan("(([domain-name:value = 'a.example']))").exact, true, 'groups are transparent');
});
