// Domains: canonical form (case, trailing dot, IDNA), and the parent direction of the lookup: a
// search for a name probes its parents, so a stored parent is found; a search for a parent does
// not probe its children.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { canonicalDomain, keyString, parentDomains, searchKeysFor } from '../../src/search/index.js';

test('canonical domains: lower case, no trailing dot, IDNA A-labels', () => {
  assert.equal(canonicalDomain('Mail.Bad.Example.'), 'mail.bad.example');
  assert.equal(canonicalDomain('bücher.example'), 'xn--bcher-kva.example');
  assert.equal(canonicalDomain('xn--bcher-kva.example'), 'xn--bcher-kva.example');
  assert.equal(canonicalDomain('日本。ＪＰ'), 'xn--wgv71a.jp');
  assert.equal(canonicalDomain('_dmarc.bad.example'), '_dmarc.bad.example');
  for (const bad of ['', '.', 'bad..example', '-bad.example', 'bad example', `${'a'.repeat(64)}.example`, 'a/b.example']) assert.equal(canonicalDomain(bad), undefined, bad);
});

test('parents stop at two labels', () => {
  assert.deepEqual(parentDomains('a.mail.bad.example'), ['mail.bad.example', 'bad.example']);
  assert.deepEqual(parentDomains('bad.example'), []);
  assert.deepEqual(parentDomains('localhost'), []);
});

test('mail.bad.example finds a stored bad.example; bad.example does not find mail.bad.example', () => {
  const child = new Set(searchKeysFor('mail.bad.example').map(keyString));
  assert.ok(child.has('domain\tbad.example'));
  assert.ok(!child.has('domain\texample'));
  const parent = new Set(searchKeysFor('bad.example').map(keyString));
  assert.ok(!parent.has('domain\tmail.bad.example'));
  // A URL or an e-mail address finds its host's and domain's parents too.
  assert.ok(new Set(searchKeysFor('https://cdn.mail.bad.example/x').map(keyString)).has('domain\tbad.example'));
  assert.ok(new Set(searchKeysFor('ceo@mail.bad.example').map(keyString)).has('domain\tbad.example'));
  // A URL on an address probes the address's covering blocks.
  assert.ok(new Set(searchKeysFor('http://203.0.113.45:8080/a').map(keyString)).has('cidr4\t203.0.113.0/24'));
  assert.ok(new Set(searchKeysFor('http://[2001:db8::1]/a').map(keyString)).has('cidr6\t2001:db8::/32'));
});

test('property: a name finds every stored ancestor with two labels or more, and no descendant', () => {
  const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,8}[a-z0-9])?$/);
  fc.assert(
    fc.property(fc.array(label, { minLength: 1, maxLength: 6 }), fc.constantFrom('example', 'jp', 'in'), fc.integer({ min: 0, max: 6 }), label, (sub, tld, cut, extra) => {
      // A top-level label with a letter: all-digit names are IPv4 addresses, not domains.
      const labels = [...sub, tld];
      const name = labels.join('.');
      const keys = new Set(searchKeysFor(name).map(keyString));
      const ancestor = labels.slice(Math.min(cut, labels.length - 2)).join('.');
      assert.ok(keys.has(`domain\t${ancestor}`), `${name} -> ${ancestor}`);
      assert.ok(!keys.has(`domain\t${extra}.${name}`));
      assert.ok(!keys.has(`domain\t${labels[labels.length - 1]}`) || labels.length === 1);
    }),
    { numRuns: 1000 },
  );
});
