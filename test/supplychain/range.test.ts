// rangeContains, branch by branch: every version, GIT and text ranges undecided, no version,
// exact under a scheme and as text, listed versions, vers (and a vers scheme with no ordering),
// OSV events; memoReader reads a (scheme, version) once.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeRange, memoReader, rangeContains } from '../../src/supplychain/index.js';

test('rangeContains answers every range kind, with a proof or the reason it cannot', () => {
  const all = rangeContains({ kind: 'unversioned' }, '1.0', 'npm');
  assert.ok(all.decided && all.inside);
  const git = rangeContains({ kind: 'git', repo: 'https://x', events: [{ introduced: '0' }] }, '1.0', 'npm');
  assert.ok(!git.decided && /commits/.test(git.reason) && git.range === 'OSV GIT https://x introduced 0');
  const text = rangeContains({ kind: 'text', text: '<=3.0' }, '1.0', 'npm');
  assert.ok(!text.decided && text.range === 'product_version_range "<=3.0"');
  const none = rangeContains({ kind: 'exact', version: '1.0.0' }, undefined, 'npm');
  assert.ok(!none.decided && /no version/.test(none.reason));
  const exact = rangeContains({ kind: 'exact', version: '1.0.0' }, 'v1.0.0', 'npm');
  assert.ok(exact.decided && exact.inside && exact.proof.scheme === 'npm', 'equal under semver, not as text');
  const textual = rangeContains({ kind: 'exact', version: '1.0' }, '1.00', 'generic');
  assert.ok(textual.decided && !textual.inside && /no scheme/.test(textual.proof.reason));
  const listed = rangeContains({ kind: 'versions', scheme: 'pypi', versions: ['1.0', '2.0'] }, '2.0.0', 'pypi');
  assert.ok(listed.decided && listed.inside && listed.proof.decidedBy[0] === '2.0');
  const notListed = rangeContains({ kind: 'versions', scheme: 'pypi', versions: ['1.0'] }, '1.5', 'pypi');
  assert.ok(notListed.decided && !notListed.inside && notListed.proof.reason === 'equal to no listed version');
  const unreadable = rangeContains({ kind: 'versions', scheme: 'npm', versions: ['1.0.0'] }, 'not a version', 'npm');
  assert.ok(!unreadable.decided);
  const noScheme = rangeContains({ kind: 'versions', scheme: 'swift', versions: ['1.0'] }, '1.0', 'swift');
  assert.ok(!noScheme.decided && /no version ordering/.test(noScheme.reason));
  const vers = rangeContains({ kind: 'vers', vers: 'vers:maven/>=1.0|<2.0' }, '1.5', 'maven');
  assert.ok(vers.decided && vers.inside && vers.proof.scheme === 'maven' && vers.proof.decidedBy.length === 2);
  const generic = rangeContains({ kind: 'vers', vers: 'vers:generic/>=2.9|<=4.1' }, '3.0', 'generic');
  assert.ok(!generic.decided);
  const osv = rangeContains({ kind: 'osv', type: 'ECOSYSTEM', scheme: 'pypi', events: [{ introduced: '0' }, { last_affected: '1.4' }] }, '1.4', 'pypi');
  assert.ok(osv.decided && osv.inside && osv.proof.decidedBy[0] === 'introduced 0');
  const closed = rangeContains({ kind: 'osv', type: 'ECOSYSTEM', scheme: 'pypi', events: [{ introduced: '0' }, { last_affected: '1.4' }] }, '1.5', 'pypi');
  assert.ok(closed.decided && !closed.inside && closed.proof.decidedBy.includes('last_affected 1.4'));
  const below = rangeContains({ kind: 'osv', type: 'SEMVER', scheme: 'semver', events: [{ introduced: '2.0.0' }, { limit: 'abc' }] }, '1.0.0', 'npm');
  assert.ok(below.decided && !below.inside && below.proof.reason === 'below every introduced event');
  assert.equal(describeRange({ kind: 'versions', scheme: 'gem', versions: ['1', '2'] }), 'versions (gem) 1, 2');
});

test('memoReader reads each (scheme, version) once and gives the same answer as parseVersion', () => {
  const read = memoReader();
  const a = read('npm', '1.2.3');
  assert.equal(read('npm', '1.2.3'), a);
  assert.notEqual(read('pypi', '1.2.3'), a);
  assert.ok(a.ok && a.value.normalised === '1.2.3');
  assert.equal(read('npm', 'x').ok, false);
});
