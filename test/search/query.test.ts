// parseQuery: bare values with their detected kind (defanged forms too), field:value, words and
// phrases (Japanese and Hindi included), and bad input returned as errors with a position.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { detectKind, keyString, parseQuery, refang, SEARCH_ERRORS, SEARCH_FIELDS } from '../../src/search/index.js';
import type { QueryClause } from '../../src/search/index.js';

function clausesOf(q: string): readonly QueryClause[] {
  const result = parseQuery(q);
  assert.ok(result.ok, `${q}: ${result.ok ? '' : result.error.reason}`);
  return result.query.clauses;
}

function wordsIn(q: string): readonly string[] {
  const clause = only(q);
  assert.ok(clause.kind === 'words', q);
  return clause.words;
}

function valueIn(q: string): string {
  const clause = only(q);
  assert.ok(clause.kind === 'field', q);
  return clause.value;
}

function only(q: string): QueryClause {
  const clauses = clausesOf(q);
  assert.equal(clauses.length, 1, q);
  return clauses[0] as QueryClause;
}

test('a bare value is read as its kind, canonical', () => {
  const cases: [string, string, string][] = [
    ['203.0.113.45', 'ipv4', '203.0.113.45'],
    ['203.0.113.45/24', 'cidr4', '203.0.113.0/24'],
    ['2001:DB8::1', 'ipv6', '2001:db8::1'],
    ['2001:db8::/32', 'cidr6', '2001:db8::/32'],
    ['Mail.Bad.Example', 'domain', 'mail.bad.example'],
    ['日本．ＪＰ', 'domain', 'xn--wgv71a.jp'],
    ['日本.jp', 'domain', 'xn--wgv71a.jp'],
    ['https://Bad.Example/x?y=1', 'url', 'https://bad.example/x?y=1'],
    ['Alice@Bad.Example', 'email', 'alice@bad.example'],
    ['D41D8CD98F00B204E9800998ECF8427E', 'hash:MD5', 'd41d8cd98f00b204e9800998ecf8427e'],
    ['a'.repeat(40), 'hash:SHA-1', 'a'.repeat(40)],
    ['b'.repeat(64), 'hash:SHA-256', 'b'.repeat(64)],
    ['c'.repeat(128), 'hash:SHA-512', 'c'.repeat(128)],
    ['cve-2021-44228', 'cve', 'CVE-2021-44228'],
    ['CAPEC-88', 'capec', 'CAPEC-88'],
    ['T1059', 'attack-id', 'T1059'],
    ['t1059.001', 'attack-id', 'T1059.001'],
    ['TA0001', 'attack-id', 'TA0001'],
    ['G0007', 'attack-id', 'G0007'],
    ['S0002', 'attack-id', 'S0002'],
    ['T0800', 'attack-id', 'T0800'],
    ['00-1A-2B-3C-4D-5E', 'mac', '00:1a:2b:3c:4d:5e'],
    ['AS64500', 'asn', '64500'],
    ['HKLM\\Software\\Run', 'registry-key', 'hkey_local_machine\\software\\run'],
  ];
  for (const [q, kind, value] of cases) {
    const clause = only(q);
    assert.equal(clause.kind, 'value', q);
    if (clause.kind !== 'value') continue;
    assert.deepEqual(clause.term, { kind, value }, q);
    assert.ok(clause.keys.some((k) => keyString(k) === keyString(clause.term)), `${q} probes its own term`);
    assert.equal(clause.defanged, false, q);
  }
});

test('defanged values are read refanged: hxxp, [.], (.), {.}, [dot], [@], [at], [:]', () => {
  const cases: [string, string, string][] = [
    ['hxxp://bad[.]example/path', 'url', 'http://bad.example/path'],
    ['hXXps[:]//mail(.)bad(.)example', 'url', 'https://mail.bad.example/'],
    ['fxp://files{.}bad{.}example/a', 'url', 'ftp://files.bad.example/a'],
    ['bad[.]example', 'domain', 'bad.example'],
    ['bad[dot]example', 'domain', 'bad.example'],
    ['ceo[@]bad[.]example', 'email', 'ceo@bad.example'],
    ['ceo[at]bad(.)example', 'email', 'ceo@bad.example'],
    ['203.0.113[.]45', 'ipv4', '203.0.113.45'],
  ];
  for (const [q, kind, value] of cases) {
    const clause = only(q);
    assert.ok(clause.kind === 'value', q);
    assert.deepEqual(clause.term, { kind, value }, q);
    assert.equal(clause.defanged, true, q);
  }
  // A defanged URL probes its host's domain and parents too.
  const url = only('hxxps://mail.bad[.]example/x');
  assert.ok(url.kind === 'value');
  assert.deepEqual(url.keys.map(keyString), ['url\thttps://mail.bad.example/x', 'domain\tmail.bad.example', 'domain\tbad.example']);
  assert.equal(refang('plain text'), 'plain text');
});

test('property: refanging a defanged domain gives back the domain', () => {
  const label = fc.stringMatching(/^[a-z0-9]{1,10}$/);
  fc.assert(
    fc.property(fc.array(label, { minLength: 2, maxLength: 5 }), fc.constantFrom('[.]', '(.)', '{.}', '[dot]', ' [.] '), (labels, dot) => {
      const name = `${labels.join('.')}.example`;
      assert.equal(refang(name.split('.').join(dot)), name);
      assert.deepEqual(detectKind(name.split('.').join(dot)), { kind: 'domain', value: name });
    }),
  );
});

test('field:value reads the value as that field, quoted values allowed', () => {
  const domain = only('domain:Bad.Example');
  assert.ok(domain.kind === 'field' && domain.field === 'domain' && domain.value === 'bad.example');
  assert.deepEqual(domain.keys.map(keyString), ['domain\tbad.example']);
  const sha = only(`SHA256:${'F'.repeat(64)}`);
  assert.ok(sha.kind === 'field' && sha.field === 'sha256');
  assert.deepEqual(sha.keys.map(keyString), [`hash:SHA-256\t${'f'.repeat(64)}`]);
  const hash = only(`hash:${'e'.repeat(64)}`);
  assert.ok(hash.kind === 'field');
  assert.deepEqual(hash.keys.map((k) => k.kind), ['hash:SHA-256', 'hash:SHA3-256']);
  const ip = only('ip:198.51.100.7');
  assert.ok(ip.kind === 'field' && ip.keys.length === 33);
  const file = only('file:"Invoice 2024.pdf.exe"');
  assert.ok(file.kind === 'field' && file.value === 'invoice 2024.pdf.exe');
  assert.deepEqual(only('tlp:AMBER+STRICT'), { kind: 'field', field: 'tlp', value: 'amber+strict', keys: [], span: { start: 0, end: 16 } });
  assert.ok(only('tlp:white').kind === 'field' && valueIn('tlp:white') === 'clear');
  assert.equal(valueIn('type:Indicator'), 'indicator');
  assert.equal(valueIn('label:"phishing kit"'), 'phishing kit');
  assert.equal(valueIn('name:ランサムウェア'), 'ランサムウェア');
  assert.ok(SEARCH_FIELDS.includes('collection'));
});

test('a query combines values, fields, words and phrases, each with its span', () => {
  const q = '203.0.113.45 type:indicator "lateral movement" ransomware';
  const clauses = clausesOf(q);
  assert.deepEqual(clauses.map((c) => c.kind), ['value', 'field', 'words', 'words']);
  assert.deepEqual(clauses.map((c) => q.slice(c.span.start, c.span.end)), ['203.0.113.45', 'type:indicator', '"lateral movement"', 'ransomware']);
  assert.deepEqual(clauses[2], { kind: 'words', words: ['lateral', 'movement'], phrase: true, span: { start: 28, end: 46 } });
});

test('Japanese and Hindi text tokenise as words: runs of letters and marks, cut at script changes', () => {
  assert.deepEqual(only('東京電力の攻撃'), { kind: 'words', words: ['東京電力', 'の', '攻撃'], phrase: false, span: { start: 0, end: 7 } });
  assert.deepEqual(wordsIn('ランサムウェア攻撃'), ['ランサムウェア', '攻撃']);
  assert.deepEqual(wordsIn('APT29による攻撃'), ['apt29', 'による', '攻撃']);
  assert.deepEqual(wordsIn('ＡＰＴ２９'), ['apt29']);
  // The ideographic full stop ends a sentence here: words, not an internationalised domain.
  assert.deepEqual(wordsIn('攻撃。報告'), ['攻撃', '報告']);
  assert.deepEqual(wordsIn('ｻｲﾊﾞｰ'), ['サイバー']);
  const hindi = clausesOf('साइबर हमला।');
  assert.deepEqual(hindi.map((c) => (c.kind === 'words' ? c.words : [])), [['साइबर'], ['हमला']]);
  // Vowel signs and viramas (combining marks) stay inside the word.
  assert.deepEqual(wordsIn('"नमस्ते दुनिया"'), ['नमस्ते', 'दुनिया']);
});

test('bad input is an error with a code, a position and a reason', () => {
  const errors: [string, string, number][] = [
    ['', 'SETU_ERR_SEARCH_EMPTY_QUERY', 0],
    ['   ...  ', 'SETU_ERR_SEARCH_EMPTY_QUERY', 0],
    ['ransomware "lateral movement', 'SETU_ERR_SEARCH_UNTERMINATED_QUOTE', 11],
    ['name:"abc', 'SETU_ERR_SEARCH_UNTERMINATED_QUOTE', 5],
    ['apt foo:bar', 'SETU_ERR_SEARCH_UNKNOWN_FIELD', 4],
    ['sha256:abc', 'SETU_ERR_SEARCH_BAD_FIELD_VALUE', 7],
    ['ip:bad.example', 'SETU_ERR_SEARCH_BAD_FIELD_VALUE', 3],
    ['tlp:pink', 'SETU_ERR_SEARCH_BAD_FIELD_VALUE', 4],
    ['domain: bad.example', 'SETU_ERR_SEARCH_BAD_FIELD_VALUE', 7],
    ['x'.repeat(1001), 'SETU_ERR_SEARCH_QUERY_TOO_LONG', 1000],
    [Array.from({ length: 33 }, (_, i) => `w${i}`).join(' '), 'SETU_ERR_SEARCH_QUERY_TOO_LONG', 118],
  ];
  for (const [q, code, position] of errors) {
    const result = parseQuery(q);
    assert.ok(!result.ok, q);
    assert.equal(result.error.code, code, q);
    assert.equal(result.error.position, position, q);
    assert.ok(result.error.reason.length > 5);
    assert.ok(Object.hasOwn(SEARCH_ERRORS, result.error.code));
  }
});

test('property: parseQuery never throws, and every span lies inside the query', () => {
  const piece = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('"', ':', 'domain:', 'ip:', 'hxxp://', '[.]', '東京', 'हमला', '203.0.113.45', ' '));
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
      const q = pieces.join('');
      const result = parseQuery(q);
      if (!result.ok) {
        assert.ok(result.error.position >= 0 && result.error.position <= q.length);
        return;
      }
      for (const clause of result.query.clauses) assert.ok(clause.span.start >= 0 && clause.span.end <= q.length && clause.span.start < clause.span.end);
    }),
    { numRuns: 3000 },
  );
});

test('property: defanged URLs and e-mail addresses read as their refanged values', () => {
  const label = fc.stringMatching(/^[a-z0-9]{1,8}$/);
  const defangDots = (text: string, dot: string): string => text.split('.').join(dot);
  fc.assert(
    fc.property(fc.array(label, { minLength: 1, maxLength: 3 }), fc.stringMatching(/^[a-z0-9_-]{0,12}$/), fc.constantFrom('[.]', '(.)', '{.}', '[dot]'), fc.constantFrom('hxxp://', 'hxxps://', 'hXXps[:]//', 'http[:]//'), fc.constantFrom('[@]', '(@)', '[at]'), (labels, path, dot, scheme, at) => {
      const host = `${labels.join('.')}.example`;
      const url = detectKind(`${scheme}${defangDots(host, dot)}/${path}`);
      assert.equal(url?.kind, 'url');
      assert.equal(url?.value, `${scheme.toLowerCase().startsWith('hxxps') ? 'https' : 'http'}://${host}/${path}`);
      assert.deepEqual(detectKind(`user${at}${defangDots(host, dot)}`), { kind: 'email', value: `user@${host}` });
    }),
  );
});
