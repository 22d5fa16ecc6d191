// Signed export segments: a partner with the node's public key verifies one offline, and any
// change to the entries, the range, the anchor or the signature, or another key, is reported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import type { AuditEntry, AuditHead } from '../../src/store/index.js';
import {
  keyFingerprint,
  nextEntry,
  parseSegment,
  privateKeyFromPem,
  publicKeyFromText,
  publicKeyText,
  signSegment,
  verifySegment,
  type AuditSegment,
} from '../../src/access/audit/index.js';
import { isSetuError } from '../../src/errors/index.js';

const keys = generateKeyPairSync('ed25519');
const other = generateKeyPairSync('ed25519');

function entries(n: number): AuditEntry[] {
  const out: AuditEntry[] = [];
  let head: AuditHead | undefined;
  for (let i = 0; i < n; i += 1) {
    const e = nextEntry(head, { at: '2026-02-01T00:00:00.000000Z', actor: { orgId: 'jpcert', tokenId: null, role: 'node-admin', channel: 'cli' }, action: 'admin.org', target: { orgId: `org-${i}` } });
    out.push(e);
    head = { seq: e.seq, hash: e.hash };
  }
  return out;
}

function segment(from = 3, to = 6): AuditSegment {
  return signSegment({
    node: { name: 'JPCERT node', country: 'JP' },
    entries: entries(8).filter((e) => e.seq >= from && e.seq <= to),
    exportedAt: '2026-02-02T00:00:00.000000Z',
    privateKey: keys.privateKey,
    publicKey: keys.publicKey,
  });
}

/** Re-signs a tampered segment, as a forger holding the node key would, to reach the chain checks. */
const resign = (s: AuditSegment): AuditSegment =>
  signSegment({ node: s.node, entries: s.entries, exportedAt: s.exportedAt, privateKey: keys.privateKey, publicKey: keys.publicKey });

test('a segment names its range, anchor and head and verifies with the node key', () => {
  const s = segment();
  assert.equal(s.format, 'setu-audit-segment/1');
  assert.equal(s.fromSeq, 3);
  assert.equal(s.toSeq, 6);
  assert.equal(s.anchorHash, entries(8)[1]?.hash);
  assert.equal(s.headHash, entries(8)[5]?.hash);
  const report = verifySegment(parseSegment(JSON.stringify(s)), publicKeyFromText(publicKeyText(keys.publicKey)));
  assert.equal(report.ok, true, JSON.stringify(report.problem));
  assert.equal(report.entries, 4);
});

test('a segment signed by another key, or naming another key, is not trusted', () => {
  const s = segment();
  assert.equal(verifySegment(s, other.publicKey).problem?.reason, 'untrusted-key');
  const forged = signSegment({ node: s.node, entries: s.entries, exportedAt: s.exportedAt, privateKey: other.privateKey, publicKey: other.publicKey });
  assert.equal(verifySegment(forged, keys.publicKey).problem?.reason, 'untrusted-key');
  const swappedKey = { ...forged, publicKey: publicKeyText(keys.publicKey) };
  assert.equal(verifySegment(swappedKey, keys.publicKey).problem?.reason, 'bad-signature');
});

test('any edit after signing breaks the signature', () => {
  const s = segment();
  const edited = { ...s, entries: s.entries.map((e, i) => (i === 1 ? { ...e, target: { orgId: 'forged' } } : e)) };
  assert.equal(verifySegment(edited, keys.publicKey).problem?.reason, 'bad-signature');
  assert.equal(verifySegment({ ...s, toSeq: 5 }, keys.publicKey).problem?.reason, 'bad-signature');
});

test('with a valid signature, the chain inside is still checked (removed, reordered, edited)', () => {
  const s = segment(1, 6);
  const removed = resign({ ...s, entries: s.entries.filter((e) => e.seq !== 3) });
  assert.equal(verifySegment(removed, keys.publicKey).problem?.reason, 'removed');
  const [a, b, c, ...rest] = s.entries;
  const reordered = resign({ ...s, entries: [a!, c!, b!, ...rest] });
  assert.equal(verifySegment(reordered, keys.publicKey).problem?.reason, 'reordered');
  const edited = resign({ ...s, entries: s.entries.map((e) => (e.seq === 4 ? { ...e, action: 'export' } : e)) });
  assert.equal(verifySegment(edited, keys.publicKey).problem?.reason, 'edited');
});

test('key text forms: PEM and base64url of the raw key are the same key; fingerprints match', () => {
  const pem = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const raw = publicKeyText(keys.publicKey);
  assert.match(raw, /^[A-Za-z0-9_-]{43}$/);
  assert.equal(publicKeyText(publicKeyFromText(pem)), raw);
  assert.equal(publicKeyText(publicKeyFromText(Buffer.from(raw, 'base64url').toString('base64'))), raw);
  assert.equal(keyFingerprint(publicKeyFromText(pem)), keyFingerprint(keys.publicKey));
  assert.match(keyFingerprint(keys.publicKey), /^[0-9a-f]{64}$/);
  const privatePem = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  assert.equal(privateKeyFromPem(privatePem).asymmetricKeyType, 'ed25519');
});

test('malformed keys and segments are coded errors', () => {
  const code = (expected: string) => (e: unknown) => isSetuError(e) && e.code === expected;
  assert.throws(() => publicKeyFromText('not a key!'), code('SETU_ERR_AUDIT_KEY_INVALID'));
  assert.throws(() => publicKeyFromText(Buffer.alloc(16).toString('base64')), code('SETU_ERR_AUDIT_KEY_INVALID'));
  const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
  assert.throws(() => publicKeyFromText(rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString()), code('SETU_ERR_AUDIT_KEY_INVALID'));
  assert.throws(() => parseSegment('{'), code('SETU_ERR_AUDIT_SEGMENT_INVALID'));
  assert.throws(() => parseSegment('{"format":"other"}'), code('SETU_ERR_AUDIT_SEGMENT_INVALID'));
  assert.throws(() => parseSegment(JSON.stringify({ ...segment(), entries: [{ seq: 1 }] })), code('SETU_ERR_AUDIT_SEGMENT_INVALID'));
  assert.throws(
    () => signSegment({ node: { name: 'n', country: 'JP' }, entries: [], exportedAt: 'x', privateKey: keys.privateKey, publicKey: keys.publicKey }),
    code('SETU_ERR_AUDIT_EMPTY_RANGE'),
  );
});
