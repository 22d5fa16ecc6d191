// The audit chain's rules: hashing over canonical JSON, linking, and verification that catches
// an edited, a removed and a reordered entry (and re-hashed, truncated and moved ones).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AUDIT_GENESIS_HASH, type AuditEntry, type AuditHead } from '../../src/store/index.js';
import { canonicalJson, hashEntry, nextEntry, sha256Hex, verifyChain } from '../../src/access/audit/index.js';

const actor = { orgId: 'cert-in', tokenId: 'tok-1', role: 'analyst', channel: 'taxii' };

function chain(n: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  let head: AuditHead | undefined;
  for (let i = 0; i < n; i += 1) {
    const entry = nextEntry(head, {
      at: `2026-01-01T00:00:${String(i % 60).padStart(2, '0')}.000000Z`,
      actor,
      action: 'object.write',
      target: { collectionId: 'c1', objects: [[`indicator--${i}`, '2026-01-01T00:00:00Z']] },
      details: { added: 1 },
    });
    entries.push(entry);
    head = { seq: entry.seq, hash: entry.hash };
  }
  return entries;
}

/** Re-hash an entry after changing it, as a forger with write access to the table would. */
function rehashed(entry: AuditEntry): AuditEntry {
  return { ...entry, hash: hashEntry(entry) };
}

test('the first entry links to the genesis hash; each next entry to its predecessor', () => {
  const [a, b] = chain(2);
  assert.equal(a?.seq, 1);
  assert.equal(a?.prevHash, AUDIT_GENESIS_HASH);
  assert.equal(b?.seq, 2);
  assert.equal(b?.prevHash, a?.hash);
  assert.match(a?.hash ?? '', /^[0-9a-f]{64}$/);
});

test('the hash is SHA-256 over the RFC 8785 canonical JSON of every field but hash', () => {
  const [entry] = chain(1);
  assert.ok(entry);
  const { hash, ...body } = entry;
  // Key order of the input does not matter: canonical JSON sorts keys.
  const shuffled = { prevHash: body.prevHash, details: body.details, target: body.target, action: body.action, actor: body.actor, at: body.at, seq: body.seq };
  assert.equal(hash, sha256Hex(canonicalJson(shuffled)));
  assert.equal(canonicalJson({ b: 1, a: [true, null, 'x'] }), '{"a":[true,null,"x"],"b":1}');
});

test('content is normalised through JSON before hashing (undefined properties vanish)', () => {
  const entry = nextEntry(undefined, { at: '2026-01-01T00:00:00.000000Z', actor, action: 'export', target: { collectionId: 'c1', gone: undefined as unknown as null } });
  assert.deepEqual(entry.target, { collectionId: 'c1' });
  assert.deepEqual(entry.details, {});
  assert.equal(verifyChain([JSON.parse(JSON.stringify(entry)) as AuditEntry]).ok, true);
});

test('an intact chain verifies, and reports its head', () => {
  const entries = chain(5);
  const report = verifyChain(entries);
  assert.equal(report.ok, true);
  assert.equal(report.checked, 5);
  assert.deepEqual(report.head, { seq: 5, hash: entries[4]?.hash });
  assert.equal(verifyChain([]).ok, true);
});

test('verification catches an edited entry (content changed, hash kept)', () => {
  const entries = chain(5);
  entries[2] = { ...entries[2]!, details: { added: 1000 } };
  const report = verifyChain(entries);
  assert.equal(report.ok, false);
  assert.equal(report.problem?.reason, 'edited');
  assert.equal(report.problem?.seq, 3);
  assert.equal(report.checked, 2);
});

test('verification catches an edited entry that was re-hashed (the next link breaks)', () => {
  const entries = chain(5);
  entries[2] = rehashed({ ...entries[2]!, actor: { ...actor, orgId: 'someone-else' } });
  const report = verifyChain(entries);
  assert.equal(report.problem?.reason, 'edited');
  assert.equal(report.problem?.seq, 3);
});

test('verification catches a removed entry (seq gap)', () => {
  const entries = chain(5);
  entries.splice(1, 1);
  const report = verifyChain(entries);
  assert.equal(report.ok, false);
  assert.equal(report.problem?.reason, 'removed');
  assert.equal(report.problem?.seq, 2);
  assert.match(report.problem?.message ?? '', /entry 2 is missing/);
});

test('verification catches removed entries at the start, and cut off the end against a known head', () => {
  const entries = chain(5);
  assert.equal(verifyChain(entries.slice(1)).problem?.reason, 'removed');
  const known = { seq: 5, hash: entries[4]!.hash };
  const cut = verifyChain(entries.slice(0, 3), { expectHead: known });
  assert.equal(cut.problem?.reason, 'removed');
  assert.equal(cut.problem?.seq, 4);
  assert.equal(verifyChain(entries, { expectHead: known }).ok, true);
});

test('verification catches reordered entries (out of sequence in the list)', () => {
  const entries = chain(5);
  const swapped = [entries[0]!, entries[2]!, entries[1]!, entries[3]!, entries[4]!];
  const report = verifyChain(swapped);
  assert.equal(report.ok, false);
  assert.equal(report.problem?.reason, 'reordered');
  assert.equal(report.problem?.seq, 2);
});

test('verification catches reordered entries whose seq numbers were swapped (as in a table)', () => {
  const entries = chain(5);
  const a = entries[1]!;
  const b = entries[2]!;
  // Row order by seq stays 1..5, but the bodies of entries 2 and 3 changed places.
  const swapped = [entries[0]!, { ...b, seq: 2 }, { ...a, seq: 3 }, entries[3]!, entries[4]!];
  const report = verifyChain(swapped);
  assert.equal(report.problem?.reason, 'reordered');
  assert.equal(report.problem?.seq, 2);
  assert.match(report.problem?.message ?? '', /entry 3 was moved to position 2/);
});

test('a range verifies from its anchor; a wrong anchor is reported', () => {
  const entries = chain(6);
  const anchor = { seq: 2, hash: entries[1]!.hash };
  assert.equal(verifyChain(entries.slice(2), { anchor }).ok, true);
  assert.equal(verifyChain(entries.slice(2), { anchor: { seq: 2, hash: entries[0]!.hash } }).problem?.reason, 'removed');
});

test('property: any single edit, removal or swap of a random chain is detected at the right entry', () => {
  fc.assert(
    fc.property(fc.integer({ min: 2, max: 30 }), fc.nat(), fc.constantFrom('edit', 'remove', 'swap'), (n, pick, kind) => {
      const entries = chain(n);
      const i = pick % (n - 1); // a position with a successor
      if (kind === 'edit') entries[i] = { ...entries[i]!, at: '1999-01-01T00:00:00.000000Z' };
      if (kind === 'remove') entries.splice(i, 1);
      if (kind === 'swap') [entries[i], entries[i + 1]] = [entries[i + 1]!, entries[i]!];
      const report = verifyChain(entries);
      assert.equal(report.ok, false);
      const expected = { edit: 'edited', remove: 'removed', swap: 'reordered' } as const;
      assert.equal(report.problem?.reason, expected[kind]);
      assert.equal(report.problem?.seq, i + 1);
    }),
    { numRuns: 300 },
  );
});
