// `setu practices`: import an ATT&CK bundle (ordinary STIX through the ordinary import, with a
// summary of its techniques and mitigations) and "what to do" about an object, read as the node's
// own organisation or --as another one (only what that organisation may read; for one of another
// jurisdiction, what the outbound gate lets out to it).
import { readFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import type { Principal } from '../../access/index.js';
import { foreignReads, loadGateConfig, nodeOrganisationId, requireOrganisation, withNode, type ForeignReads, type OpenNode } from '../../node/index.js';
import { PRACTICE_LANGUAGES, adviceFor, attackContent, isPracticeLanguage, type AttackContent, type LocalisedText, type StixObject, type WhatToDo } from '../../practices/index.js';
import { ExitError, UsageError } from '../errors.js';
import { emit, type CliIo } from '../io.js';
import { run as runImport } from './import.js';

export interface PracticesImportOptions {
  readonly data: string;
  readonly collection: string;
  readonly file: string;
  readonly as?: string | undefined;
  readonly json: boolean;
}

export interface PracticesImportResult {
  readonly attack: AttackContent;
  readonly import: unknown;
}

function objectsOf(file: string, text: string): StixObject[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file} is not JSON: ${(error as Error).message}`);
  }
  const objects = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as { objects?: unknown }).objects : value;
  if (!Array.isArray(objects)) throw new UsageError(`${file} holds no STIX bundle (an object with an "objects" list) or list of objects`);
  return objects.filter((o): o is StixObject => typeof o === 'object' && o !== null && !Array.isArray(o));
}

function describeContent(file: string, c: AttackContent): string {
  const name = c.collection === undefined ? '' : ` (${c.collection.name} v${c.collection.version})`;
  return `${file}${name}: ${c.objects} objects, ${c.techniques} techniques, ${c.mitigations} mitigations, ${c.mitigates} mitigates and ${c.uses} uses relationships; ${c.revoked} revoked and ${c.deprecated} deprecated (stored as published, left out of advice)\n`;
}

/** Imports an ATT&CK bundle through `setu import` and says what it held. Exit 1 when any object was refused. */
export async function importBundle(options: PracticesImportOptions, io: CliIo, newId: () => string = randomUUID): Promise<PracticesImportResult> {
  let text: string;
  try {
    text = await readFile(options.file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${options.file}: ${(error as Error).message}`);
  }
  const attack = attackContent(objectsOf(options.file, text));
  const importOptions = { data: options.data, collection: options.collection, files: [options.file], as: options.as, json: options.json };
  if (!options.json) {
    io.out(describeContent(options.file, attack));
    const outcome = await runImport(importOptions, io, newId);
    return { attack, import: outcome };
  }
  // With --json one document holds both parts: the import's own report is captured and nested.
  let captured = '';
  let failure: unknown;
  try {
    await runImport(importOptions, { ...io, out: (t) => void (captured += t) }, newId);
  } catch (error) {
    if (!(error instanceof ExitError) || captured === '') throw error;
    failure = error;
  }
  const result: PracticesImportResult = { attack, import: JSON.parse(captured) as unknown };
  emit(io, true, result, () => '');
  if (failure !== undefined) throw failure;
  return result;
}

export interface PracticesForOptions {
  readonly data: string;
  readonly id: string;
  readonly as?: string | undefined;
  readonly lang?: string | undefined;
  readonly json: boolean;
}

/** The reader: --as ORG reads as that organisation's reader would; otherwise the node's own organisation, over every collection. */
async function readerOf(node: OpenNode, as: string | undefined): Promise<Principal> {
  if (as === undefined) return { tokenId: 'cli-practices', orgId: nodeOrganisationId(node.config, node.info), role: 'node-admin' };
  const org = await requireOrganisation(node.store, as);
  return { tokenId: 'cli-practices', orgId: org.id, role: 'reader', communities: await node.store.communitiesOf(org.id) };
}

function line(text: LocalisedText): string {
  return text.name ?? text.abstract ?? (text.content ?? text.description ?? '').split('\n')[0] ?? '';
}

function describeAdvice(a: WhatToDo): string {
  const out: string[] = [`what to do about ${a.subject.type} ${a.subject.id}${a.subject.text.name === undefined ? '' : ` (${a.subject.text.name})`}:`];
  if (a.techniques.length === 0) out.push('  no ATT&CK technique linked to it in what you may read');
  for (const t of a.techniques) {
    out.push(`  ${t.attackId ?? t.id} ${line(t.text)}`);
    const path = t.paths[0] ?? [];
    if (path.length > 0) out.push(`    because: ${[path[0]?.from, ...path.map((s) => `-${s.via}-> ${s.to}`)].join(' ')}`);
    if (t.mitigations.length === 0) out.push('    no mitigation known');
    for (const m of t.mitigations) out.push(`    mitigation ${m.attackId ?? m.id} ${line(m.text)}${m.text.translatedBy === undefined ? '' : ` [${m.text.language}]`}`);
  }
  if (a.practices.length > 0) out.push('  shared practices:');
  for (const p of a.practices) out.push(`    ${p.type} ${p.id}${p.createdBy === undefined ? '' : ` by ${p.createdBy}`} [${p.text.language}]: ${line(p.text)}`);
  if (a.skipped.length > 0) out.push(`  skipped (revoked or deprecated): ${a.skipped.map((s) => `${s.id} (${s.reason})`).join(', ')}`);
  return `${out.join('\n')}\n`;
}

/** "What to do" about one object, as the reader may see it. */
export async function forObject(options: PracticesForOptions, io: CliIo, newId: () => string = randomUUID): Promise<WhatToDo> {
  const language = options.lang ?? 'en';
  if (!isPracticeLanguage(language)) throw new UsageError(`--lang must be one of ${PRACTICE_LANGUAGES.join(', ')}, not ${language}`);
  const advice = await withNode(options.data, io.clock, async (node) => {
    const principal = await readerOf(node, options.as);
    // Only another organisation can be outside the node's jurisdiction: its reads pass the outbound gate.
    let gate: ForeignReads | undefined;
    if (options.as !== undefined) {
      const config = await loadGateConfig(node.paths.dir, node.info);
      gate = foreignReads({ store: node.store, profile: config.profile, pseudonymKey: config.pseudonymKey, country: config.country, clock: io.clock, newId });
    }
    return adviceFor({ store: node.store, principal, foreignReads: gate, subjectId: options.id, language });
  });
  emit(io, options.json, advice, () => describeAdvice(advice));
  return advice;
}
