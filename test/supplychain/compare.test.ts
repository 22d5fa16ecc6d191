// compareVersions / parseVersion: the answer and its proof, per-ecosystem edge cases that the
// ordering rules exist for, and bad input returned as a problem naming the input and the rule.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_VERSION_LENGTH, SCHEME_NAMES, SUPPLYCHAIN_ERRORS, compareParsed, compareVersions, parseVersion } from '../../src/supplychain/index.js';

function relation(scheme: string, a: string, b: string): string {
  const r = compareVersions(scheme, a, b);
  assert.ok(r.ok, `${scheme} ${a} vs ${b}: ${r.ok ? '' : r.problem.rule}`);
  return r.value.relation;
}

test('a comparison carries its proof: scheme, rule, inputs and normalised forms', () => {
  const r = compareVersions('deb', '1:2.0~rc1-1', '1:2.0-1');
  assert.ok(r.ok);
  assert.equal(r.value.relation, '<');
  assert.equal(r.value.proof.scheme, 'deb');
  assert.match(r.value.proof.rule, /verrevcmp/);
  assert.deepEqual(r.value.proof.left, { input: '1:2.0~rc1-1', normalised: '1:2.0~rc1-1' });
  assert.deepEqual(r.value.proof.right, { input: '1:2.0-1', normalised: '1:2.0-1' });
});

test('normalised forms show what was compared', () => {
  const pypi = parseVersion('pypi', '1.0-RC1');
  assert.ok(pypi.ok);
  assert.equal(pypi.value.normalised, '1.0rc1');
  const nuget = parseVersion('nuget', '1.0.01-Beta+meta');
  assert.ok(nuget.ok);
  assert.equal(nuget.value.normalised, '1.0.1.0-beta');
  const deb = parseVersion('deb', '2.4');
  assert.ok(deb.ok);
  assert.equal(deb.value.normalised, '0:2.4');
});

test('per-ecosystem rules: the edge cases each ordering exists for', () => {
  const cases: readonly [string, string, string, string][] = [
    ['deb', '1.0~beta', '<', '1.0'],
    ['deb', '1:0.1', '>', '9.9'],
    ['rpm', '1.0~rc1', '<', '1.0'],
    ['rpm', '1.0^git1', '>', '1.0'],
    ['rpm', '2:1.0-1', '>', '1:9.0-1'],
    ['apk', '1.2_rc1', '<', '1.2'],
    ['apk', '1.2_p1', '>', '1.2'],
    ['apk', '1.2-r1', '>', '1.2-r0'],
    ['maven', '1.0-alpha-1', '<', '1.0'],
    ['maven', '1.0.RELEASE', '=', '1.0'],
    ['maven', '1.0-SNAPSHOT', '<', '1.0'],
    ['maven', '1.0-sp1', '>', '1.0'],
    ['pypi', '1.0.dev1', '<', '1.0a1'],
    ['pypi', '1.0.post1', '>', '1.0'],
    ['pypi', '1!0.1', '>', '2.0'],
    ['npm', '1.0.0-rc.1', '<', '1.0.0'],
    ['golang', 'v1.2.3', '=', '1.2.3'],
    ['gem', '1.0.0.pre', '<', '1.0.0'],
    ['gem', '1.0', '=', '1.0.0'],
    ['composer', '1.0.0-beta', '<', '1.0.0-RC1'],
    ['composer', '1.0.0-dev', '<', '1.0.0-alpha'],
    ['nuget', '1.0.0-BETA', '=', '1.0.0-beta'],
    ['gentoo', '1.0_p1', '>', '1.0'],
    ['gentoo', '1.0_rc1', '<', '1.0'],
    ['alpm', '1:1.0-1', '>', '2.0-1'],
    ['openssl', '1.1.1w', '>', '1.1.1k'],
    ['datetime', '2024-01-01T00:00:00+02:00', '<', '2023-12-31T23:00:00Z'],
    ['lexicographic', 'ss', '<', 'ß'],
  ];
  for (const [scheme, a, op, b] of cases) assert.equal(relation(scheme, a, b), op, `${scheme}: ${a} ${op} ${b}`);
});

test('an unreadable version is a returned problem naming the scheme, the input and the rule', () => {
  const r = compareVersions('npm', '1.0.0', 'not a version');
  assert.equal(r.ok, false);
  assert.ok(!r.ok);
  assert.equal(r.problem.code, 'SETU_ERR_SUPPLYCHAIN_INVALID_VERSION');
  assert.equal(r.problem.input, 'not a version');
  assert.equal(r.problem.scheme, 'npm');
  assert.match(r.problem.rule, /SemVer/);
  assert.ok(Object.hasOwn(SUPPLYCHAIN_ERRORS, r.problem.code));
});

test('an ecosystem without an ordering is reported as unsupported, not guessed', () => {
  const r = parseVersion('swift', '1.0.0');
  assert.ok(!r.ok);
  assert.equal(r.problem.code, 'SETU_ERR_SUPPLYCHAIN_UNSUPPORTED_SCHEME');
  assert.match(r.problem.rule, /swift/);
});

test('every scheme refuses the empty string with a problem, never a throw', () => {
  for (const scheme of SCHEME_NAMES) {
    const r = parseVersion(scheme, '');
    assert.equal(r.ok, false, `${scheme} refuses ""`);
  }
});

test('compareParsed reuses parsed versions and agrees with compareVersions', () => {
  const a = parseVersion('maven', '1.0-beta-2');
  const b = parseVersion('maven', '1.0-rc1');
  assert.ok(a.ok && b.ok);
  const direct = compareVersions('maven', '1.0-beta-2', '1.0-rc1');
  assert.ok(direct.ok);
  assert.deepEqual(compareParsed(a.value, b.value), direct.value);
});

test('over-long versions are refused before any scheme reads them; deep but short ones are read', () => {
  for (const scheme of SCHEME_NAMES) {
    const r = parseVersion(scheme, '1-'.repeat(10_000));
    assert.ok(!r.ok, scheme);
    assert.equal(r.problem.code, 'SETU_ERR_SUPPLYCHAIN_INVALID_VERSION');
    assert.match(r.problem.rule, new RegExp(`at most ${MAX_VERSION_LENGTH} characters`));
  }
  // 127 nested Maven sub-lists: read and compared without exhausting the stack.
  assert.equal(relation('maven', `${'1-'.repeat(127)}1`, `${'1-'.repeat(127)}2`), '<');
  assert.equal(relation('maven', 'a1'.repeat(128), 'a1'.repeat(128)), '=');
});
