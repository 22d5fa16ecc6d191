// "What to do" sees only what its reader may read: a TLP:RED course of action of another
// organisation never appears for a reader not named on it, and a reader of another jurisdiction
// gets what the outbound gate lets out to it. Read through the store (loadReadable / adviceFor).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Principal } from '../../src/access/index.js';
import { createOrganisation, foreignReads, loadGateConfig, openNode } from '../../src/node/index.js';
import { adviceFor, type WhatToDo } from '../../src/practices/index.js';
import { IDS, practicesNode } from './fixture.js';

const mitigationIds = (advice: WhatToDo) => advice.techniques.flatMap((t) => t.mitigations.map((m) => m.id));

test('a RED course of action appears only for its author and the recipients it names', async () => {
  const { dir } = await practicesNode();
  const clock = () => Date.parse('2026-11-27T12:00:00.000Z');
  const node = await openNode(dir, clock);
  try {
    const gate = await loadGateConfig(dir, node.info);
    const reads = foreignReads({ store: node.store, profile: gate.profile, pseudonymKey: gate.pseudonymKey, country: gate.country, clock, newId: randomUUID });
    const as = async (orgId: string) => {
      const principal: Principal = { tokenId: 't', orgId, role: 'analyst' };
      return adviceFor({ store: node.store, principal, foreignReads: reads, subjectId: IDS.sighting, language: 'en' });
    };
    const bank = await as('bank-a');
    assert.ok(!mitigationIds(bank).includes(IDS.redPrivate), 'Tata Power RED, no recipients: not for Bank A');
    assert.ok(mitigationIds(bank).includes(IDS.redForBank), 'Tata Power RED naming Bank A: for Bank A');
    assert.ok(mitigationIds(bank).includes(IDS.mitigation));

    const certIn = await as('cert-in');
    assert.ok(!mitigationIds(certIn).includes(IDS.redPrivate));
    assert.ok(!mitigationIds(certIn).includes(IDS.redForBank));
    assert.ok(!JSON.stringify(certIn).includes('Tata'), 'nothing of either RED object leaks into the answer');

    const tata = await as('tata-power');
    assert.ok(mitigationIds(tata).includes(IDS.redPrivate));
    assert.ok(mitigationIds(tata).includes(IDS.redForBank));

    // JPCERT/CC reads from Japan: through the outbound gate, and never RED of others.
    const jp = await as('jpcert');
    assert.deepEqual(jp.techniques.map((t) => t.attackId), ['T0880']);
    assert.ok(!mitigationIds(jp).includes(IDS.redPrivate));
    assert.ok(!mitigationIds(jp).includes(IDS.redForBank));
    assert.ok(mitigationIds(jp).includes(IDS.mitigation));
  } finally {
    await node.store.close();
  }
});

test('an organisation that may not read the collection gets no answer, not an empty one', async () => {
  const { dir } = await practicesNode();
  const clock = () => Date.parse('2026-11-27T12:00:00.000Z');
  const node = await openNode(dir, clock);
  try {
    await createOrganisation(node.store, { id: 'outsider', name: 'Outsider', country: 'IN', kind: 'other' }, clock);
    await assert.rejects(
      adviceFor({ store: node.store, principal: { tokenId: 't', orgId: 'outsider', role: 'analyst' }, subjectId: IDS.sighting, language: 'en' }),
      (error: { code?: string }) => error.code === 'SETU_ERR_PRACTICES_UNKNOWN_OBJECT',
    );
  } finally {
    await node.store.close();
  }
});
