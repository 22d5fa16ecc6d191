// vers ranges: canonical parsing, normalisation, and containment with its proof.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normaliseVers, parseVers, versContains, versFromNative, versFromNpm } from '../../src/supplychain/index.js';

test('parseVers reads comparators and percent-decoded versions', () => {
  const r = parseVers('vers:npm/>=1.0.0|<2.0.0');
  assert.ok(r.ok);
  assert.equal(r.value.scheme, 'npm');
  assert.deepEqual(
    r.value.constraints.map((c) => [c.comparator, c.version]),
    [
      ['>=', '1.0.0'],
      ['<', '2.0.0'],
    ],
  );
  assert.equal(r.value.canonical, 'vers:npm/>=1.0.0|<2.0.0');
});

test('parseVers refuses non-canonical ranges, naming the rule', () => {
  const refused: readonly [string, RegExp][] = [
    ['vers:npm/>=1.0.0| <2.0.0', /whitespace/],
    ['vers:npm/>=2.0.0|<1.0.0', /not sorted/],
    ['vers:npm/>=1.0.0||<2.0.0', /consecutive pipes/],
    ['npm/>=1.0.0', /vers:/],
    ['vers:npm/', /at least one constraint/],
    ['vers:npm/*|1.0.0', /stands alone/],
    ['vers:npm/>=', /version after its comparator/],
  ];
  for (const [input, rule] of refused) {
    const r = parseVers(input);
    assert.ok(!r.ok, input);
    assert.equal(r.problem.code, 'SETU_ERR_SUPPLYCHAIN_INVALID_VERS');
    assert.equal(r.problem.input, input);
    assert.match(r.problem.rule, rule, input);
  }
});

test('normaliseVers sorts constraints by version under the scheme', () => {
  const r = normaliseVers('vers:maven/<2.0|1.0-SNAPSHOT|>=1.0');
  assert.ok(r.ok);
  assert.equal(r.value.canonical, 'vers:maven/1.0-SNAPSHOT|>=1.0|<2.0');
});

test('containment answers carry the deciding constraints and normalised versions', () => {
  const inside = versContains('vers:pypi/>=1.0|<2.0', '1.5.0');
  assert.ok(inside.ok);
  assert.equal(inside.value.inside, true);
  assert.deepEqual(inside.value.proof.decidedBy, ['>=1.0', '<2.0']);
  assert.equal(inside.value.proof.version.normalised, '1.5.0');
  assert.deepEqual(inside.value.proof.normalisedConstraints, { '>=1.0': '1.0', '<2.0': '2.0' });
  assert.equal(inside.value.proof.scheme, 'pypi');

  const excluded = versContains('vers:deb/>=1.0|!=1.2-1', '1.2-1');
  assert.ok(excluded.ok);
  assert.equal(excluded.value.inside, false);
  assert.deepEqual(excluded.value.proof.decidedBy, ['!=1.2-1']);
});

test('containment follows the ecosystem order, not string order', () => {
  const cases: readonly [string, string, boolean][] = [
    ['vers:deb/<1.0', '1.0~rc1', true],
    ['vers:maven/>=1.0|<1.1', '1.0.1-SNAPSHOT', true],
    ['vers:npm/<1.0.0', '1.0.0-rc.1', true],
    ['vers:rpm/>=1:1.0', '2.0', false],
    ['vers:pypi/<=1.3.0|3.0.0', '3.0', true],
    ['vers:gem/*', '0.0.1', true],
    ['vers:apk/>1.2|<=1.3', '1.2_p1', true],
    ['vers:npm/!=1.0.0', '2.0.0', true],
  ];
  for (const [range, version, expected] of cases) {
    const r = versContains(range, version);
    assert.ok(r.ok, `${range} ${version}`);
    assert.equal(r.value.inside, expected, `${version} in ${range}`);
  }
});

test('a bad version or range is a returned problem, never a throw', () => {
  const badVersion = versContains('vers:npm/>=1.0.0', 'banana');
  assert.ok(!badVersion.ok);
  assert.equal(badVersion.problem.code, 'SETU_ERR_SUPPLYCHAIN_INVALID_VERSION');
  const badRange = versContains('vers:npm/>=banana', '1.0.0');
  assert.ok(!badRange.ok);
  assert.equal(badRange.problem.code, 'SETU_ERR_SUPPLYCHAIN_INVALID_VERS');
  const unsupported = versContains('vers:swift/>=1.0.0', '1.0.0');
  assert.ok(!unsupported.ok);
  assert.equal(unsupported.problem.code, 'SETU_ERR_SUPPLYCHAIN_UNSUPPORTED_SCHEME');
});

test('versFromNpm desugars npm ranges into sorted vers constraints', () => {
  const cases: readonly [string, string][] = [
    ['^1.2.3 || >=3.0.0', 'vers:npm/>=1.2.3|<2.0.0|>=3.0.0'],
    ['~1.6.5', 'vers:npm/>=1.6.5|<1.7.0'],
    ['^0.2.3', 'vers:npm/>=0.2.3|<0.3.0'],
    ['1.2.x', 'vers:npm/>=1.2.0|<1.3.0'],
    ['1.0.0 - 2.0.0', 'vers:npm/>=1.0.0|<=2.0.0'],
    ['>= 1.6.9', 'vers:npm/>=1.6.9'],
    ['*', 'vers:npm/*'],
  ];
  for (const [native, expected] of cases) {
    const r = versFromNpm(native);
    assert.ok(r.ok, native);
    assert.equal(r.value.canonical, expected, native);
  }
  const bad = versFromNpm('>=banana');
  assert.ok(!bad.ok);
  assert.equal(bad.problem.code, 'SETU_ERR_SUPPLYCHAIN_INVALID_VERS');
  assert.equal(bad.problem.input, '>=banana');
});

test('versFromNative reads conan, gem, pypi, nuget and openssl native ranges', () => {
  const cases: readonly [string, string, string][] = [
    ['conan', '~2.5', 'vers:conan/>=2.5|<2.6-'],
    ['conan', '^0.1.2', 'vers:conan/>=0.1.2|<0.2-'],
    ['conan', '>1 <2.0 || ^3.2 ', 'vers:conan/>1|<2.0|>=3.2|<4-'],
    ['gem', '~>2.0.8', 'vers:gem/>=2.0.8|<2.1'],
    ['gem', '>= 1.0, < 2', 'vers:gem/>=1.0|<2'],
    ['pypi', '~=1.4.5, !=1.4.7', 'vers:pypi/>=1.4.5|!=1.4.7|<1.5'],
    ['nuget', '[1.0.0, 2.0.0)', 'vers:nuget/>=1.0.0|<2.0.0'],
    ['nuget', '(, 3.0]', 'vers:nuget/<=3.0'],
    ['openssl', '3.0.0, 1.0.1b', 'vers:openssl/1.0.1b|3.0.0'],
  ];
  for (const [scheme, native, expected] of cases) {
    const r = versFromNative(scheme, native);
    assert.ok(r.ok, `${scheme} ${native}: ${r.ok ? '' : r.problem.rule}`);
    assert.equal(r.value.canonical, expected, `${scheme} ${native}`);
  }
  const unsupported = versFromNative('nginx', '0.8.40+');
  assert.ok(!unsupported.ok);
  assert.equal(unsupported.problem.code, 'SETU_ERR_SUPPLYCHAIN_UNSUPPORTED_SCHEME');
  const bad = versFromNative('nuget', '[1.0');
  assert.ok(!bad.ok);
  assert.equal(bad.problem.code, 'SETU_ERR_SUPPLYCHAIN_INVALID_VERS');
});
