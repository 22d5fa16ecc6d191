// The pure "what to do" engine over plain objects: paths from a sighting to the techniques, the
// mitigations of each, shared practices, translations, and what it leaves out (revoked, deprecated).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { whatToDo, type StixObject } from '../../src/practices/index.js';
import { IDS, MITRE_LIKE, PARTNER, T, TATA_RED, idOf } from './fixture.js';

const ALL: StixObject[] = [...MITRE_LIKE, ...PARTNER, ...TATA_RED];

test('a sighting leads through its indicator and the malware it indicates to the technique and its mitigations, with the path', () => {
  const advice = whatToDo(ALL, IDS.sighting);
  assert.ok(advice);
  assert.equal(advice.subject.type, 'sighting');
  assert.deepEqual(advice.techniques.map((t) => t.attackId), ['T0880']);
  const [technique] = advice.techniques;
  assert.deepEqual(technique?.paths, [
    [
      { from: IDS.sighting, via: 'sighting_of_ref', to: IDS.indicator },
      { from: IDS.indicator, via: 'indicates', relationshipId: idOf('relationship', 11), to: IDS.malware },
      { from: IDS.malware, via: 'uses', relationshipId: idOf('relationship', 8), to: IDS.technique },
    ],
  ]);
  const m0812 = technique?.mitigations.find((m) => m.attackId === 'M0812');
  assert.equal(m0812?.text.name, 'Safety Instrumented Systems');
  assert.equal(m0812?.how, 'Keep the SIS independent of the control network.');
  assert.equal(m0812?.relationshipId, idOf('relationship', 5));
});

test('revoked and deprecated objects are left out and listed as skipped with their reason', () => {
  const advice = whatToDo(ALL, IDS.malware);
  assert.ok(advice);
  assert.deepEqual(advice.techniques.map((t) => t.id), [IDS.technique], 'the deprecated technique is not advised');
  const mitigations = advice.techniques[0]?.mitigations.map((m) => m.id) ?? [];
  assert.ok(!mitigations.includes(IDS.revokedMitigation));
  assert.deepEqual(
    advice.skipped.filter((s) => s.id === IDS.deprecated || s.id === IDS.revokedMitigation),
    [
      { id: IDS.deprecated, type: 'attack-pattern', reason: 'deprecated' },
      { id: IDS.revokedMitigation, type: 'course-of-action', reason: 'revoked' },
    ],
  );
});

test('Japanese: text from language-content where a translation exists, the original language elsewhere', () => {
  const advice = whatToDo(ALL, IDS.indicator, 'ja');
  assert.ok(advice);
  assert.equal(advice.language, 'ja');
  const m = advice.techniques[0]?.mitigations.find((x) => x.id === IDS.mitigation);
  assert.deepEqual(m?.text, { name: '安全計装システム', description: '安全計装システムを使用する。', language: 'ja', translatedBy: IDS.mitigationJa });
  assert.deepEqual(advice.techniques[0]?.text, { name: 'Loss of Safety', language: 'en' }, 'no translation: the original, labelled as English');
  const note = advice.practices.find((p) => p.id === IDS.note);
  assert.equal(note?.text.content, 'SIS のバイパス記録を毎週確認する。');
  assert.equal(note?.text.translatedBy, IDS.noteJa);
  const hindi = whatToDo(ALL, IDS.indicator, 'hi')?.techniques[0]?.mitigations.find((x) => x.id === IDS.mitigation);
  assert.deepEqual(hindi?.text, { name: 'सुरक्षा उपकरण प्रणाली', description: 'Use safety instrumented systems.', language: 'hi', translatedBy: IDS.mitigationJa });
});

test('a translation made for the current version wins over a newer one made for an older version; revoked ones are not used', () => {
  const current = { type: 'course-of-action', spec_version: '2.1', id: IDS.mitigation, created: T, modified: '2026-02-01T00:00:00.000Z', name: 'SIS v2' };
  const forOld = { type: 'language-content', spec_version: '2.1', id: idOf('language-content', 90), created: T, modified: '2026-03-01T00:00:00.000Z', object_ref: IDS.mitigation, object_modified: T, contents: { ja: { name: '古い' } } };
  const forCurrent = { ...forOld, id: idOf('language-content', 91), modified: '2026-02-02T00:00:00.000Z', object_modified: current.modified, contents: { ja: { name: '新しい' } } };
  const revoked = { ...forCurrent, id: idOf('language-content', 92), modified: '2026-04-01T00:00:00.000Z', revoked: true, contents: { ja: { name: '取り消し' } } };
  const objects = [...MITRE_LIKE, current, forOld, forCurrent, revoked];
  const name = whatToDo(objects, IDS.technique, 'ja')?.techniques[0]?.mitigations.find((m) => m.id === IDS.mitigation)?.text.name;
  assert.equal(name, '新しい');
});

test('shared practices: notes and reports on a technique or mitigation, and courses of action naming the ATT&CK id', () => {
  const report = { type: 'report', spec_version: '2.1', id: idOf('report', 40), created: T, modified: T, name: 'SIS advisory', published: T, object_refs: [IDS.mitigation] };
  const byId = { type: 'course-of-action', spec_version: '2.1', id: idOf('course-of-action', 41), created: T, modified: T, name: 'Partner SIS hardening', external_references: [{ source_name: 'jpcert', external_id: 'T0880' }] };
  const advice = whatToDo([...ALL, report, byId], IDS.sighting);
  assert.ok(advice);
  const practices = advice.practices.map((p) => [p.type, p.id, p.about]);
  assert.deepEqual(practices, [
    ['course-of-action', byId.id, [IDS.technique]],
    ['note', IDS.note, [IDS.technique]],
    ['report', report.id, [IDS.mitigation]],
  ]);
});

test('campaigns reach techniques through the intrusion sets they are attributed to; an attack pattern is its own technique', () => {
  const campaign = { type: 'campaign', spec_version: '2.1', id: idOf('campaign', 50), created: T, modified: T, name: 'Grid campaign' };
  const set = { type: 'intrusion-set', spec_version: '2.1', id: idOf('intrusion-set', 51), created: T, modified: T, name: 'Grid group' };
  const objects = [...MITRE_LIKE, campaign, set, { ...MITRE_LIKE[7], id: idOf('relationship', 52), source_ref: set.id }, { type: 'relationship', spec_version: '2.1', id: idOf('relationship', 53), created: T, modified: T, relationship_type: 'attributed-to', source_ref: campaign.id, target_ref: set.id }];
  const advice = whatToDo(objects as StixObject[], campaign.id);
  assert.deepEqual(advice?.techniques[0]?.paths[0]?.map((s) => s.via), ['attributed-to', 'uses']);
  const self = whatToDo(MITRE_LIKE, IDS.technique);
  assert.deepEqual(self?.techniques.map((t) => [t.id, t.paths]), [[IDS.technique, [[]]]]);
});

test('an object that is not among the objects gives no answer; one without techniques gives an empty one', () => {
  assert.equal(whatToDo(ALL, idOf('indicator', 99)), undefined);
  const lone = { type: 'indicator', spec_version: '2.1', id: idOf('indicator', 98), created: T, modified: T, pattern: "[ipv4-addr:value = '192.0.2.1']", pattern_type: 'stix', valid_from: T };
  const advice = whatToDo([...ALL, lone], lone.id);
  assert.deepEqual([advice?.techniques, advice?.practices, advice?.skipped], [[], [], []]);
});

test('an object asked about that is itself deprecated or revoked gets no advice, and says why', () => {
  const advice = whatToDo(ALL, IDS.deprecated);
  assert.deepEqual([advice?.techniques, advice?.practices, advice?.skipped], [[], [], [{ id: IDS.deprecated, type: 'attack-pattern', reason: 'deprecated' }]]);
  assert.deepEqual(whatToDo(ALL, IDS.revokedMitigation)?.skipped, [{ id: IDS.revokedMitigation, type: 'course-of-action', reason: 'revoked' }]);
});
