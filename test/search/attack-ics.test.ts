// The real MITRE ATT&CK for ICS bundle (../shared/datasets/attack/ics-attack.json): every
// attack-pattern's ATT&CK id becomes an attack-id term, a query for that id reads as an ATT&CK
// id and probes that term. Skipped, saying so, when the file is not there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { indexTermsOf, keyString, parseQuery } from '../../src/search/index.js';

const DATASET = new URL('../../../shared/datasets/attack/ics-attack.json', import.meta.url);
const present = existsSync(DATASET);

test('ATT&CK for ICS: attack-pattern ids are attack-id terms a query finds', { skip: present ? false : `no ATT&CK ICS data at ${DATASET.pathname}` }, () => {
  const bundle = JSON.parse(readFileSync(DATASET, 'utf8')) as { objects: Record<string, unknown>[] };
  const patterns = bundle.objects.filter((o) => o['type'] === 'attack-pattern');
  assert.ok(patterns.length >= 80, `${patterns.length} attack-patterns`);
  let ics = 0;
  for (const pattern of patterns) {
    const refs = (pattern['external_references'] ?? []) as { source_name?: string; external_id?: string }[];
    const expected = refs.filter((r) => r.source_name?.startsWith('mitre') && r.external_id !== undefined).map((r) => r.external_id as string);
    const { terms, findings, text } = indexTermsOf(pattern);
    assert.deepEqual(findings, [], String(pattern['id']));
    assert.deepEqual(terms.map((t) => `${t.kind} ${t.value}`), expected.map((id) => `attack-id ${id}`));
    assert.ok(text.some((f) => f.field === 'name'));
    for (const id of expected) {
      if (/^T0[89]/.test(id)) ics++;
      const parsed = parseQuery(id.toLowerCase());
      assert.ok(parsed.ok);
      const clause = parsed.query.clauses[0];
      assert.ok(clause?.kind === 'value');
      assert.deepEqual(clause.term, { kind: 'attack-id', value: id });
      assert.ok(clause.keys.map(keyString).includes(`attack-id\t${id}`));
    }
  }
  assert.ok(ics >= 80, `${ics} ICS technique ids (T08xx)`);
  // Groups, software, mitigations, tactics and campaigns carry ids the same way.
  const kinds = new Set(bundle.objects.flatMap((o) => indexTermsOf(o).terms.map((t) => `${String(o['type'])}:${t.value.replace(/[0-9]/g, '')}`)));
  for (const expected of ['intrusion-set:G', 'malware:S', 'course-of-action:M', 'x-mitre-tactic:TA', 'campaign:C']) assert.ok(kinds.has(expected), expected);
});
