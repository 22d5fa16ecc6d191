import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TLP_MARKINGS, tlpLevelOf, validate } from '../../src/stix/index.js';
import { tlpDefinitionMismatch } from '../../src/stix/markings.js';

test('all nine TLP marking definitions are present and map to TLP 2.0 levels', () => {
  assert.equal(Object.keys(TLP_MARKINGS).length, 9);
  assert.equal(tlpLevelOf('marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9'), 'clear'); // TLP 1.0 WHITE
  assert.equal(tlpLevelOf('marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da'), 'green');
  assert.equal(tlpLevelOf('marking-definition--f88d31f6-486f-44da-b317-01333bde0b82'), 'amber');
  assert.equal(tlpLevelOf('marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed'), 'red');
  assert.equal(tlpLevelOf('marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487'), 'clear');
  assert.equal(tlpLevelOf('marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb'), 'green');
  assert.equal(tlpLevelOf('marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421'), 'amber');
  assert.equal(tlpLevelOf('marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003'), 'amber+strict');
  assert.equal(tlpLevelOf('marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1'), 'red');
  assert.equal(tlpLevelOf('marking-definition--d81f86b9-975b-4c0b-875e-810c5ad45a4f'), null);
  assert.equal(tlpLevelOf('toString'), null);
});

test('every published TLP definition validates cleanly under strict', () => {
  for (const m of Object.values(TLP_MARKINGS)) {
    const r = validate(m.definition, { strict: true });
    assert.deepEqual(r.errors, [], m.id);
    assert.equal(tlpDefinitionMismatch(m.definition), null);
  }
});

test('a TLP definition with a forged id or colour is rejected', () => {
  const forged = { ...TLP_MARKINGS['marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da']?.definition, id: 'marking-definition--11111111-1111-4111-8111-111111111111' };
  assert.ok(validate(forged).errors.some((e) => e.code === 'STIX_TLP_MISMATCH'));
});

test('two TLP markings on one object are an error', () => {
  const r = validate({
    type: 'campaign', spec_version: '2.1', id: 'campaign--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061', created: '2016-04-06T20:03:48.000Z',
    modified: '2016-04-06T20:03:48.000Z', name: 'x',
    object_marking_refs: ['marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da', 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1'],
  });
  assert.deepEqual(r.errors.map((e) => e.code), ['STIX_MULTIPLE_TLP']);
});
