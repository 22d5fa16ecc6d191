// CPE 2.3 formatted strings and NISTIR 7696 name matching: ANY, NA, values, quoted characters,
// wildcards at either end, the attribute table and the name-level verdict.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareCpeValues, matchCpe, parseCpe, withoutVersion } from '../../src/supplychain/index.js';
import type { Cpe, CpeValue } from '../../src/supplychain/index.js';

const cpe = (s: string): Cpe => {
  const r = parseCpe(s);
  assert.ok(r.ok, s);
  return r.value;
};

test('parseCpe reads eleven attributes, ANY, NA, quoted characters and wildcards', () => {
  const c = cpe('cpe:2.3:a:micro\\$oft:internet_explorer:8.0.6001:beta:*:-:*:*:*:*');
  assert.deepEqual(c.vendor, { kind: 'value', text: 'micro\\$oft', pattern: false });
  assert.deepEqual(c.update, { kind: 'value', text: 'beta', pattern: false });
  assert.deepEqual(c.edition, { kind: 'any' });
  assert.deepEqual(c.language, { kind: 'na' });
  assert.equal(cpe('cpe:2.3:a:foo\\:bar:baz:1:*:*:*:*:*:*:*').vendor.kind, 'value', 'a quoted colon does not split');
  assert.equal((cpe('cpe:2.3:a:acme:prod:1.*:*:*:*:*:*:*:*').version as { pattern: boolean }).pattern, true);
  assert.equal((cpe('cpe:2.3:a:acme:prod:??1:*:*:*:*:*:*:*').version as { pattern: boolean }).pattern, true);
  assert.equal((cpe('cpe:2.3:a:acme:prod:1\\*:*:*:*:*:*:*:*').version as { pattern: boolean }).pattern, false, 'a quoted * is a literal');
});

test('parseCpe refuses what NISTIR 7695 does not allow, with the rule', () => {
  const bad: [string, RegExp][] = [
    ['cpe:/a:acme:prod:1', /begins with "cpe:2.3:"/],
    ['cpe:2.3:a:acme:prod:1:*:*:*:*:*:*', /11 attributes/],
    ['cpe:2.3:a:acme:pr*od:1:*:*:*:*:*:*:*', /start or the end/],
    ['cpe:2.3:a:acme:pr$od:1:*:*:*:*:*:*:*', /quoted with a backslash/],
    ['cpe:2.3:x:acme:prod:1:*:*:*:*:*:*:*', /part is/],
    ['cpe:2.3:a::prod:1:*:*:*:*:*:*:*', /not empty/],
  ];
  for (const [s, rule] of bad) {
    const r = parseCpe(s);
    assert.ok(!r.ok, s);
    assert.equal(r.problem.code, 'SETU_ERR_SUPPLYCHAIN_INVALID_CPE');
    assert.match(r.problem.rule, rule, s);
  }
});

test('attribute comparison follows NISTIR 7696 table 6-2', () => {
  const any: CpeValue = { kind: 'any' };
  const na: CpeValue = { kind: 'na' };
  const v = (text: string, pattern = false): CpeValue => ({ kind: 'value', text, pattern });
  const rows: [CpeValue, CpeValue, string][] = [
    [any, any, 'EQUAL'], [any, na, 'SUPERSET'], [any, v('x'), 'SUPERSET'], [any, v('x*', true), 'SUPERSET'],
    [na, any, 'SUBSET'], [na, na, 'EQUAL'], [na, v('x'), 'DISJOINT'], [na, v('x*', true), 'UNDEFINED'],
    [v('x'), any, 'SUBSET'], [v('x'), na, 'DISJOINT'], [v('X'), v('x'), 'EQUAL'], [v('x'), v('y'), 'DISJOINT'], [v('x'), v('x*', true), 'UNDEFINED'],
    [v('1.*', true), v('1.2'), 'SUPERSET'], [v('1.*', true), v('2.0'), 'DISJOINT'], [v('?.0', true), v('2.0'), 'SUPERSET'], [v('?.0', true), v('10.0'), 'DISJOINT'],
    [v('1\\*', false), v('1\\*'), 'EQUAL'],
  ];
  for (const [s, t, expected] of rows) assert.equal(compareCpeValues(s, t), expected, `${JSON.stringify(s)} vs ${JSON.stringify(t)}`);
});

test('name matching: a source matches a target when every attribute is SUPERSET or EQUAL', () => {
  const advisory = cpe('cpe:2.3:a:apache:log4j:*:*:*:*:*:*:*:*');
  const m = matchCpe(advisory, cpe('cpe:2.3:a:apache:log4j:2.14.1:*:*:*:*:*:*:*'));
  assert.equal(m.matches, true);
  assert.equal(m.relation, 'SUPERSET');
  assert.equal(m.attributes.version, 'SUPERSET');
  assert.equal(matchCpe(advisory, advisory).relation, 'EQUAL');
  assert.equal(matchCpe(advisory, cpe('cpe:2.3:a:apache:struts:2.5:*:*:*:*:*:*:*')).relation, 'DISJOINT');
  assert.equal(matchCpe(cpe('cpe:2.3:a:apache:log4j:2.14.1:*:*:*:*:*:*:*'), cpe('cpe:2.3:a:apache:log4j:*:*:*:*:*:*:*:*')).relation, 'SUBSET');
  assert.equal(matchCpe(advisory, cpe('cpe:2.3:a:apache:log4j:2.*:*:*:*:*:*:*:*')).relation, 'SUPERSET', 'source ANY is a superset of a pattern');
  assert.equal(matchCpe(cpe('cpe:2.3:a:apache:log4j:2.14.1:*:*:*:*:*:*:*'), cpe('cpe:2.3:a:apache:log4j:2.*:*:*:*:*:*:*:*')).relation, 'UNDEFINED');
  assert.equal(matchCpe(cpe('cpe:2.3:a:apache:log4j:2.14.1:*:*:*:*:*:*:*'), withoutVersion(cpe('cpe:2.3:a:apache:log4j:2.14.1:beta:*:*:*:*:*:*'))).matches, false, 'a version in the source is not a superset of ANY');
});
