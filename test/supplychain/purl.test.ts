// purl identity: the canonical string and the package key (the join key without version).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildPurl, canonicalPurl, parsePurl } from '../../src/supplychain/index.js';

test('the package key joins purls that differ only in version, qualifiers or subpath', () => {
  const sbom = parsePurl('pkg:npm/%40angular/core@16.2.0?foo=bar#lib');
  const advisory = parsePurl('pkg:NPM/@angular/core');
  assert.ok(sbom.ok && advisory.ok);
  assert.equal(sbom.value.packageKey, 'pkg:npm/%40angular/core');
  assert.equal(sbom.value.packageKey, advisory.value.packageKey);
  assert.equal(sbom.value.version, '16.2.0');
});

test('canonical form sorts qualifiers, lower-cases type and keys, and encodes as the spec does', () => {
  const r = canonicalPurl('pkg:Maven/org.apache/Commons@1.0?Type=jar&classifier=sources');
  assert.deepEqual(r, { ok: true, value: 'pkg:maven/org.apache/Commons@1.0?classifier=sources&type=jar' });
  const deb = canonicalPurl('pkg:deb/debian/attr@1:2.4.47-2+b1?arch=amd64');
  assert.deepEqual(deb, { ok: true, value: 'pkg:deb/debian/attr@1:2.4.47-2%2Bb1?arch=amd64' });
});

test('per-type rules the spec states are enforced (data in purl-types.ts)', () => {
  const vcpkg = parsePurl('pkg:vcpkg/boost/asio@1.84.0');
  assert.ok(!vcpkg.ok);
  assert.match(vcpkg.problem.rule, /no namespace/);
  const brew = parsePurl('pkg:brew/Homebrew/Core/SQLite@3.43.2');
  assert.ok(brew.ok);
  assert.equal(brew.value.canonical, 'pkg:brew/homebrew/core/sqlite@3.43.2');
  const git = parsePurl('pkg:git/Codeberg.org/Forgejo/forgejo@a72d2c0');
  assert.ok(git.ok);
  assert.equal(git.value.namespace, 'codeberg.org');
  assert.equal(git.value.name, 'forgejo/forgejo');
  const built = buildPurl({ type: 'git', namespace: 'codeberg.org', name: 'forgejo/forgejo', version: 'a72d2c0' });
  assert.ok(built.ok);
  assert.equal(built.value.canonical, 'pkg:git/codeberg.org/forgejo/forgejo@a72d2c0');
});

test('an invalid purl is a returned problem naming the input and the rule', () => {
  for (const input of ['EnterpriseLibrary.Common@6.0.1304', 'pkg:', 'pkg:npm/', 'pkg:vcpkg/@1.0.8', '']) {
    const r = parsePurl(input);
    assert.ok(!r.ok, input);
    assert.equal(r.problem.code, 'SETU_ERR_SUPPLYCHAIN_INVALID_PURL');
    assert.equal(r.problem.input, input);
    assert.ok(r.problem.rule.length > 0);
  }
  const built = buildPurl({ type: null, name: 'nginx' });
  assert.ok(!built.ok);
  assert.equal(built.problem.code, 'SETU_ERR_SUPPLYCHAIN_INVALID_PURL');
});
