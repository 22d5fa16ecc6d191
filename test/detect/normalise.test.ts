// Normal forms for domains, URLs and hashes, and the literal rewrite applied to indicators.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePattern, printPattern } from '../../src/pattern/index.js';
import { normaliseDomain, normaliseHash, normaliseUrl, rewriteLiterals } from '../../src/detect/index.js';

test('domains: lower case, no trailing dot', () => {
  assert.equal(normaliseDomain(' Evil.EXAMPLE. '), 'evil.example');
  assert.equal(normaliseDomain('.'), '.');
});

test('URLs: scheme and host in lower case, default port dropped, empty path as /, path untouched', () => {
  assert.equal(normaliseUrl('HTTP://Malware.Example:80/Payload.bin?x=1'), 'http://malware.example/Payload.bin?x=1');
  assert.equal(normaliseUrl('https://User@Host.Example:443'), 'https://User@host.example/');
  assert.equal(normaliseUrl('http://host.example:8080/a'), 'http://host.example:8080/a');
  assert.equal(normaliseUrl('not a url'), 'not a url');
});

test('hashes: lower-case hex', () => {
  assert.equal(normaliseHash('44D88612FEA8A8F36DE82E1278ABB02F'), '44d88612fea8a8f36de82e1278abb02f');
});

test('rewriteLiterals normalises =, != and IN literals on domain, URL and hash paths only', () => {
  const rewrite = (text: string) => {
    const parsed = parsePattern(text);
    assert.ok(parsed.ok);
    return printPattern(rewriteLiterals(parsed.ast));
  };
  assert.equal(rewrite("[domain-name:value = 'EVIL.example.']"), "[domain-name:value = 'evil.example']");
  assert.equal(rewrite("[domain-name:value IN ('A.example', 'b.EXAMPLE')] FOLLOWEDBY [url:value != 'HTTP://X.example']"), "[domain-name:value IN ('a.example', 'b.example')] FOLLOWEDBY [url:value != 'http://x.example/']");
  assert.equal(rewrite("[file:hashes.MD5 = 'ABCDEF'] WITHIN 5 SECONDS"), "[file:hashes.MD5 = 'abcdef'] WITHIN 5 SECONDS");
  assert.equal(rewrite("[domain-name:value LIKE 'EVIL%']"), "[domain-name:value LIKE 'EVIL%']", 'LIKE is left alone');
  assert.equal(rewrite("[email-addr:value = 'Ann@Example']"), "[email-addr:value = 'Ann@Example']", 'other paths are left alone');
});

test('a pattern with nothing to normalise comes back as the same tree (no copy)', () => {
  const parsed = parsePattern("([ipv4-addr:value = '198.51.100.1'] FOLLOWEDBY [domain-name:value = 'a.example']) WITHIN 5 SECONDS");
  assert.ok(parsed.ok);
  assert.equal(rewriteLiterals(parsed.ast), parsed.ast);
});
