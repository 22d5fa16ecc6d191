// indexTermsOf on fixtures of every value-bearing SCO type, indicator patterns (which operators
// give terms and which do not), observed-data, vulnerabilities and attack-patterns; and the
// property that every term taken from an SCO is found again by searchKeysFor of its value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { indexTermsOf, keyString, searchKeysFor, SCO_VALUE_PROPERTIES } from '../../src/search/index.js';
import type { IndexTerm } from '../../src/search/index.js';

const pairs = (terms: readonly IndexTerm[]): string[] => terms.map((t) => `${t.kind} ${t.value}`);

test('SCOs: every value-bearing property, canonical, with its JSON path', () => {
  const cases: [Record<string, unknown>, string[]][] = [
    [{ type: 'ipv4-addr', value: '198.51.100.7' }, ['ipv4 198.51.100.7']],
    [{ type: 'ipv4-addr', value: '198.51.100.7/24' }, ['cidr4 198.51.100.0/24']],
    [{ type: 'ipv6-addr', value: '2001:DB8:0::0:1' }, ['ipv6 2001:db8::1']],
    [{ type: 'ipv6-addr', value: '2001:db8::/32' }, ['cidr6 2001:db8::/32']],
    [{ type: 'domain-name', value: 'Mail.Bad.Example.' }, ['domain mail.bad.example']],
    [{ type: 'domain-name', value: 'bücher.example' }, ['domain xn--bcher-kva.example']],
    [{ type: 'url', value: 'HTTP://Bad.Example:80/Path?q=1' }, ['url http://bad.example/Path?q=1']],
    [{ type: 'url', value: 'https://bücher.example/x' }, ['url https://xn--bcher-kva.example/x']],
    [{ type: 'email-addr', value: 'Alice@Bad.Example', display_name: 'Alice' }, ['email alice@bad.example']],
    [{ type: 'mac-addr', value: '00:1A:2b:3c:4d:5e' }, ['mac 00:1a:2b:3c:4d:5e']],
    [{ type: 'autonomous-system', number: 64500, name: 'Example AS' }, ['asn 64500']],
    [{ type: 'mutex', name: 'Global\\EvilMutex' }, ['mutex global\\evilmutex']],
    [{ type: 'windows-registry-key', key: 'HKLM\\Software\\Run' }, ['registry-key hkey_local_machine\\software\\run']],
    [{ type: 'artifact', url: 'https://bad.example/a.bin', hashes: { 'SHA-256': 'A'.repeat(64) } }, ['url https://bad.example/a.bin', `hash:SHA-256 ${'a'.repeat(64)}`]],
    [{ type: 'x509-certificate', hashes: { 'SHA-1': 'b'.repeat(40) }, serial_number: '01' }, [`hash:SHA-1 ${'b'.repeat(40)}`]],
    [{ type: 'network-traffic', src_ref: 'ipv4-addr--1', dst_port: 443, protocols: ['tcp'] }, []],
    [{ type: 'email-message', is_multipart: false, from_ref: 'email-addr--1', to_refs: ['email-addr--2'], subject: 'hi' }, []],
  ];
  for (const [sco, expected] of cases) assert.deepEqual(pairs(indexTermsOf(sco).terms), expected, JSON.stringify(sco));
});

test('file: name and every hash, algorithm names canonical, custom algorithms reported', () => {
  const result = indexTermsOf({
    type: 'file',
    name: 'Invoice.PDF.exe',
    hashes: { md5: 'D41D8CD98F00B204E9800998ECF8427E', SHA256: 'c'.repeat(64), 'SHA3-256': 'd'.repeat(64), SSDEEP: '3:a+b:c', x_custom: 'zz', 'SHA-1': 'short' },
  });
  assert.deepEqual(pairs(result.terms), [
    'file-name invoice.pdf.exe',
    'hash:MD5 d41d8cd98f00b204e9800998ecf8427e',
    `hash:SHA-256 ${'c'.repeat(64)}`,
    `hash:SHA3-256 ${'d'.repeat(64)}`,
    'hash:SSDEEP 3:a+b:c',
  ]);
  assert.deepEqual(result.terms.map((t) => t.source), ['$.name', '$.hashes.md5', '$.hashes.SHA256', '$.hashes["SHA3-256"]', '$.hashes.SSDEEP']);
  assert.deepEqual(result.findings.map((f) => f.source), ['$.hashes.x_custom', '$.hashes["SHA-1"]']);
});

test('bad values are findings, not terms, and non-objects do not throw', () => {
  const result = indexTermsOf({ type: 'ipv4-addr', value: '999.1.1.1' });
  assert.deepEqual(result.terms, []);
  assert.equal(result.findings[0]?.source, '$.value');
  assert.deepEqual(indexTermsOf({ type: 'domain-name', value: 'bad..example' }).terms, []);
  for (const odd of [null, 42, 'text', [], {}]) assert.deepEqual(indexTermsOf(odd).terms, []);
});

function indicator(pattern: string): Record<string, unknown> {
  return { type: 'indicator', spec_version: '2.1', id: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', pattern, pattern_type: 'stix', valid_from: '2026-01-01T00:00:00Z' };
}

test('indicator patterns: literals of =, IN, ISSUBSET and ISSUPERSET on value paths, normalised', () => {
  const result = indexTermsOf(indicator(
    "[domain-name:value = 'Bad.Example.' OR url:value IN ('HTTP://Bad.Example:80', 'https://x.example/a')] AND " +
    "[ipv4-addr:value ISSUBSET '203.0.113.45/24'] FOLLOWEDBY [ipv6-addr:value ISSUPERSET '2001:db8::1'] AND " +
    "[file:hashes.'SHA-256' = '" + 'E'.repeat(64) + "' AND file:name = 'Evil.EXE'] AND " +
    "[network-traffic:dst_ref.value IN ('198.51.100.7', 'c2.example', '2001:db8::2') AND network-traffic:dst_port = 443] AND " +
    "[email-message:from_ref.value = 'Ceo@Bad.Example' AND email-message:body_multipart[*].body_raw_ref.name = 'a.zip'] AND " +
    "[autonomous-system:number = 64500] AND [mac-addr:value = '00-1A-2B-3C-4D-5E'] REPEATS 2 TIMES WITHIN 60 SECONDS",
  ));
  assert.deepEqual(pairs(result.terms), [
    'domain bad.example',
    'url http://bad.example/',
    'url https://x.example/a',
    'cidr4 203.0.113.0/24',
    'ipv6 2001:db8::1',
    `hash:SHA-256 ${'e'.repeat(64)}`,
    'file-name evil.exe',
    'ipv4 198.51.100.7',
    'domain c2.example',
    'ipv6 2001:db8::2',
    'email ceo@bad.example',
    'file-name a.zip',
    'asn 64500',
    'mac 00:1a:2b:3c:4d:5e',
  ]);
  assert.equal(result.terms[0]?.source, '$.pattern@1:22 domain-name:value');
  assert.equal(result.terms[11]?.source.endsWith("email-message:body_multipart[*].body_raw_ref.name"), true);
  assert.deepEqual(result.findings, []);
});

test('indicator patterns: negations, !=, ordering, MATCHES and wildcard LIKE give no exact terms', () => {
  const none = indexTermsOf(indicator(
    "[domain-name:value != 'a.example'] AND [NOT domain-name:value = 'b.example'] AND [url:value MATCHES '^https?://c\\\\.example'] AND " +
    "[url:value LIKE 'http://%.d.example/%'] AND [file:size > 10] AND [process:command_line = 'cmd.exe /c whoami']",
  ));
  assert.deepEqual(none.terms, []);
  // LIKE without wildcards is an equality; '%.parent' on a domain stands for its subdomains.
  const like = indexTermsOf(indicator("[domain-name:value LIKE 'exact.example'] AND [domain-name:value LIKE '%.Evil.Example']"));
  assert.deepEqual(pairs(like.terms), ['domain exact.example', 'domain evil.example']);
  assert.match(like.terms[1]?.source ?? '', / LIKE$/);
});

test('patterns that do not parse, and other pattern languages, give a finding or nothing', () => {
  const broken = indexTermsOf(indicator("[domain-name:value = 'x.example'"));
  assert.deepEqual(broken.terms, []);
  assert.equal(broken.findings[0]?.source, '$.pattern');
  const snort = indexTermsOf({ ...indicator('alert tcp any any -> 198.51.100.7 any'), pattern_type: 'snort' });
  assert.deepEqual(snort.terms, []);
  assert.deepEqual(snort.findings, []);
});

test('observed-data: the SCOs of the deprecated objects dictionary; sightings hold no values of their own', () => {
  const od = indexTermsOf({
    type: 'observed-data', id: 'observed-data--1', first_observed: '2026-01-01T00:00:00Z', last_observed: '2026-01-01T00:00:00Z', number_observed: 1,
    objects: { 0: { type: 'ipv4-addr', value: '198.51.100.7' }, 1: { type: 'domain-name', value: 'c2.example', resolves_to_refs: ['0'] } },
  });
  assert.deepEqual(pairs(od.terms), ['ipv4 198.51.100.7', 'domain c2.example']);
  assert.deepEqual(od.terms.map((t) => t.source), ['$.objects["0"].value', '$.objects["1"].value']);
  const sighting = indexTermsOf({ type: 'sighting', sighting_of_ref: 'indicator--1', observed_data_refs: ['observed-data--1'], count: 3, description: 'seen at the edge' });
  assert.deepEqual(sighting.terms, []);
  assert.deepEqual(sighting.text, [{ field: 'description', text: 'seen at the edge' }]);
});

test('vulnerability and attack-pattern: ids from external references, text fields', () => {
  const vuln = indexTermsOf({
    type: 'vulnerability', name: 'cve-2024-3400', description: 'PAN-OS command injection',
    external_references: [{ source_name: 'cve', external_id: 'cve-2024-3400' }, { source_name: 'capec', external_id: 'capec-88' }, { source_name: 'nvd', url: 'https://nvd.nist.gov/' }],
  });
  // The id in the name is taken too (many feeds carry it only there), under its own source.
  assert.deepEqual(pairs(vuln.terms), ['cve CVE-2024-3400', 'capec CAPEC-88', 'cve CVE-2024-3400']);
  assert.deepEqual(vuln.terms.map((t) => t.source), ['$.external_references[0].external_id', '$.external_references[1].external_id', '$.name']);
  const attack = indexTermsOf({
    type: 'attack-pattern', name: 'PowerShell', aliases: ['PS'], labels: ['execution'],
    external_references: [{ source_name: 'mitre-attack', external_id: 't1059.001', description: 'ATT&CK technique' }, { source_name: 'mitre-attack', external_id: 'not-an-id' }],
    x_mitre_detection: 'ignored',
  });
  assert.deepEqual(pairs(attack.terms), ['attack-id T1059.001']);
  assert.equal(attack.findings.length, 1);
  assert.deepEqual(attack.text, [
    { field: 'name', text: 'PowerShell' },
    { field: 'labels[]', text: 'execution' },
    { field: 'aliases[]', text: 'PS' },
    { field: 'external_references[].external_id', text: 't1059.001' },
    { field: 'external_references[].description', text: 'ATT&CK technique' },
    { field: 'external_references[].external_id', text: 'not-an-id' },
  ]);
  const note = indexTermsOf({ type: 'note', abstract: '要約', content: 'ランサムウェア攻撃の報告', object_refs: ['x--1'] });
  assert.deepEqual(note.text, [{ field: 'content', text: 'ランサムウェア攻撃の報告' }, { field: 'abstract', text: '要約' }]);
  const opinion = indexTermsOf({ type: 'opinion', opinion: 'agree', explanation: 'यह सही है', object_refs: ['x--1'] });
  assert.deepEqual(opinion.text, [{ field: 'explanation', text: 'यह सही है' }]);
});

// Generators of SCOs with realistic values of each value-bearing type.
const hex = (n: number) => fc.stringMatching(new RegExp(`^[0-9a-fA-F]{${n}}$`));
const label = fc.stringMatching(/^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,12}[a-zA-Z0-9])?$/);
const domain = fc.tuple(fc.array(label, { minLength: 1, maxLength: 4 }), fc.constantFrom('example', 'jp', 'in', 'com', 'xn--wgv71a'), fc.boolean())
  .map(([labels, tld, dot]) => `${labels.join('.')}.${tld}${dot ? '.' : ''}`);
const octet = fc.nat({ max: 255 });
const ipv4 = fc.tuple(octet, octet, octet, octet, fc.option(fc.integer({ min: 0, max: 32 }))).map(([a, b, c, d, p]) => `${a}.${b}.${c}.${d}${p === null ? '' : `/${p}`}`);
const ipv6 = fc.tuple(fc.array(fc.nat({ max: 0xffff }), { minLength: 8, maxLength: 8 }), fc.option(fc.integer({ min: 0, max: 128 })))
  .map(([g, p]) => `${g.map((x) => x.toString(16)).join(':')}${p === null ? '' : `/${p}`}`);
const nameText = fc.stringMatching(/^[^\s/\\:]{1,24}$/).filter((s) => !s.includes('://'));
const hashes = fc.record({ MD5: hex(32), 'SHA-1': hex(40), 'SHA-256': hex(64), 'SHA-512': hex(128), 'SHA3-256': hex(64), TLSH: hex(70).map((h) => `T1${h}`) }, { requiredKeys: [] });

const sco = fc.oneof(
  ipv4.map((value) => ({ type: 'ipv4-addr', value })),
  ipv6.map((value) => ({ type: 'ipv6-addr', value })),
  domain.map((value) => ({ type: 'domain-name', value })),
  fc.tuple(fc.constantFrom('http', 'https', 'ftp'), domain, fc.stringMatching(/^[a-zA-Z0-9/._?=-]{0,20}$/)).map(([s, d, p]) => ({ type: 'url', value: `${s}://${d}/${p}` })),
  fc.tuple(fc.stringMatching(/^[a-zA-Z0-9._+-]{1,16}$/), domain).map(([local, d]) => ({ type: 'email-addr', value: `${local}@${d}` })),
  fc.array(hex(2), { minLength: 6, maxLength: 6 }).map((g) => ({ type: 'mac-addr', value: g.join(':') })),
  fc.nat({ max: 4294967295 }).map((number) => ({ type: 'autonomous-system', number })),
  nameText.map((name) => ({ type: 'mutex', name })),
  fc.tuple(fc.constantFrom('HKLM', 'HKEY_CURRENT_USER', 'hkcu'), nameText).map(([hive, rest]) => ({ type: 'windows-registry-key', key: `${hive}\\${rest}` })),
  fc.tuple(nameText, hashes).map(([name, h]) => ({ type: 'file', name, hashes: h })),
  hashes.map((h) => ({ type: 'x509-certificate', hashes: h })),
);

test('property: every term taken from an SCO is found by searchKeysFor of its value', () => {
  fc.assert(
    fc.property(sco, (object) => {
      const { terms, findings } = indexTermsOf(object);
      assert.deepEqual(findings, [], JSON.stringify(object));
      for (const term of terms) {
        const keys = new Set(searchKeysFor(term.value).map(keyString));
        assert.ok(keys.has(keyString(term)), `${term.kind} ${term.value} not among its own keys`);
        // The written value (not just the canonical one) finds it too.
        const written = term.source.startsWith('$.hashes') ? undefined : (object as Record<string, unknown>)[term.source.slice(2)];
        if (typeof written === 'string') assert.ok(new Set(searchKeysFor(written).map(keyString)).has(keyString(term)), `written '${written}'`);
      }
    }),
    { numRuns: 3000 },
  );
});

test('the SCO table covers every SCO type the pattern engine knows', () => {
  assert.equal(Object.keys(SCO_VALUE_PROPERTIES).length, 18);
});

test('a url value without a scheme is a finding (STIX url values are RFC 3986 URLs)', () => {
  const result = indexTermsOf({ type: 'url', value: 'bad.example/login' });
  assert.deepEqual(result.terms, []);
  assert.equal(result.findings[0]?.source, '$.value');
});
