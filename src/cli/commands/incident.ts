// `setu incident new|show|clocks|list`: cases as STIX incidents. `new` stores the incident through
// the ingest pipeline into a collection, in the name of an organisation (so TLP, audiences and
// federation apply as to any object); show, clocks and list are the node operator's view of what
// the node holds (like `setu review`); organisations read cases through the API, which applies
// their reader predicate and, outside the node's jurisdiction, the outbound gate. Clocks come from
// incidents.clocksFor with the rules of DIR/jurisdictions.json ("reportingRules") over the built-ins.
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { auditSink, collectionWriters, localActor, orgIdentityId } from '../../access/index.js';
import { writeEvent } from '../../access/audit/index.js';
import { SetuError, isSetuError } from '../../errors/index.js';
import {
  BUILT_IN_RULES,
  INCIDENT_TYPES,
  amendCase,
  buildIncident,
  clocksFor,
  isIncidentType,
  parseReportingRules,
  readCase,
  type CaseRecord,
  type Clock,
  type IncidentType,
  type ReportingRule,
} from '../../incidents/index.js';
import { ingest, type IngestEvents } from '../../ingest/index.js';
import { JURISDICTIONS_FILE, nodeOrganisationId, requireCollection, requireOrganisation, withNode } from '../../node/index.js';
import type { Store } from '../../store/index.js';
import { EXIT, ExitError, UsageError } from '../errors.js';
import { emit, type CliIo } from '../io.js';

/** The reporting rules of the node in `dir`: built-ins, with DIR/jurisdictions.json's "reportingRules" applied. */
export async function readReportingRules(dir: string): Promise<ReportingRule[]> {
  const path = join(dir, JURISDICTIONS_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [...BUILT_IN_RULES];
    throw error;
  }
  try {
    return parseReportingRules(JSON.parse(text), path);
  } catch (error) {
    // A broken rule is a configuration error (exit 2), as a broken jurisdiction profile is.
    const message = isSetuError(error) ? error.message : `${path}: not valid JSON: ${(error as Error).message}`;
    throw new SetuError('SETU_ERR_NODE_CONFIG_INVALID', message, { path, ...(isSetuError(error) ? error.details : {}) });
  }
}

export interface IncidentNewOptions {
  readonly data: string;
  readonly collection: string;
  readonly title: string;
  readonly description?: string | undefined;
  readonly types: readonly string[];
  readonly awareAt?: string | undefined;
  readonly victimCountry?: string | undefined;
  readonly sector?: string | undefined;
  readonly personalData?: boolean;
  readonly unlawfulAct?: boolean;
  readonly designatedOperator?: boolean;
  readonly as?: string | undefined;
  readonly json: boolean;
}

export interface IncidentCreated {
  readonly id: string;
  readonly collection: string;
  readonly clocks: Clock[];
}

function incidentTypes(values: readonly string[]): IncidentType[] {
  if (values.length === 0) throw new UsageError(`--type needs at least one incident type (${INCIDENT_TYPES.join(', ')})`);
  const unknown = values.filter((v) => !isIncidentType(v));
  if (unknown.length > 0) throw new UsageError(`unknown incident type ${unknown.join(', ')} (known: ${INCIDENT_TYPES.join(', ')})`);
  return values as IncidentType[];
}

export async function create(options: IncidentNewOptions, io: CliIo, newId: () => string = randomUUID): Promise<IncidentCreated> {
  const types = incidentTypes(options.types);
  const created = await withNode(options.data, io.clock, async ({ store, info, config, paths }) => {
    const rules = await readReportingRules(paths.dir);
    const collection = await requireCollection(store, options.collection);
    const org = await requireOrganisation(store, options.as ?? nodeOrganisationId(config, info));
    if (options.as !== undefined && !collectionWriters(collection, await store.listCommunities()).includes(org.id)) {
      throw new SetuError('SETU_ERR_NODE_ORG_CANNOT_WRITE', `organisation ${org.id} may not write collection ${collection.id}`, { orgId: org.id, collectionId: collection.id });
    }
    const now = io.clock();
    const nowText = new Date(now).toISOString();
    const victimCountry = (options.victimCountry ?? org.country ?? info.country).toUpperCase();
    const facts = {
      types,
      personalData: options.personalData === true,
      victimCountry,
      ...(options.sector === undefined ? {} : { sector: options.sector }),
      designatedOperator: options.designatedOperator === true,
      unlawfulAct: options.unlawfulAct === true,
      awareAt: options.awareAt ?? nowText,
      // An awareness given for the past is recorded now: a late start, shown on the clocks.
      ...(options.awareAt === undefined ? {} : { recordedAt: nowText }),
      reports: [],
      pauses: [],
    };
    let incident: Record<string, unknown>;
    try {
      incident = buildIncident({
        id: `incident--${newId()}`,
        name: options.title,
        ...(options.description === undefined ? {} : { description: options.description }),
        at: nowText,
        createdByRef: orgIdentityId(org.id),
        determination: 'suspected',
        investigationStatus: 'new',
        facts,
      });
    } catch (error) {
      if (isSetuError(error) && error.code === 'SETU_ERR_INCIDENTS_BAD_FACTS') throw new UsageError(error.message);
      throw error;
    }
    const events: IngestEvents = new EventEmitter();
    const result = await ingest({ store, collectionId: collection.id, rawObjects: [JSON.stringify(incident)], clock: io.clock, newId, events, submitter: { orgId: org.id } });
    const failure = result.status.failures[0];
    if (failure !== undefined) throw new ExitError(EXIT.failure, `the incident was refused: ${failure.message ?? ''}`, false);
    await auditSink(store, io.clock).record(writeEvent(localActor(org.id), collection.id, result.status.id, result.added, 0));
    return { id: incident['id'] as string, collection: collection.id, clocks: clocksFor(facts, rules, now) };
  });
  emit(io, options.json, created, () => `incident ${created.id} stored in ${created.collection}\n${clockLines(created.clocks)}`);
  return created;
}

interface Held {
  readonly collection: string;
  readonly record: CaseRecord;
  /** The stored incident, as written. */
  readonly object: Record<string, unknown>;
}

/** The newest version of incident `id` in any collection of the node. */
async function findIncident(store: Store, id: string): Promise<Held> {
  if (!/^incident--[0-9a-fA-F-]{36}$/.test(id)) throw new UsageError(`${id} is not an incident id (incident--<UUID>)`);
  for (const collection of await store.listCollections()) {
    const page = await store.queryObjects({ collectionId: collection.id, ids: [id], types: ['incident'], limit: 1, withJson: true });
    const json = page.records[0]?.json;
    if (json !== undefined && json !== null) {
      const object = JSON.parse(json) as Record<string, unknown>;
      return { collection: collection.id, record: readCase(object), object };
    }
  }
  throw new SetuError('SETU_ERR_INCIDENTS_NOT_FOUND', `no incident ${id} on this node (see \`setu incident list\`)`, { id });
}

export interface IncidentIdOptions {
  readonly data: string;
  readonly id: string;
  readonly json: boolean;
}

export interface IncidentShown {
  readonly collection: string;
  readonly record: CaseRecord;
  readonly clocks: Clock[];
}

async function shownCase(options: IncidentIdOptions, io: CliIo): Promise<IncidentShown> {
  return withNode(options.data, io.clock, async ({ store, paths }) => {
    const rules = await readReportingRules(paths.dir);
    const { collection, record } = await findIncident(store, options.id);
    return { collection, record, clocks: clocksFor(record.facts, rules, io.clock()) };
  });
}

const clockLines = (clocks: readonly Clock[]): string =>
  clocks
    .filter((c) => c.state !== 'not-applicable')
    .map((c) => `  ${c.rule}\t${c.state}\t${c.authority}\tdue ${c.dueIst} (IST) / ${c.dueJst} (JST)${c.soft ? ' [soft]' : ''}\t${c.reason}\n`)
    .join('') || '  no report is due under the rules of this node\n';

export async function show(options: IncidentIdOptions, io: CliIo): Promise<IncidentShown> {
  const shown = await shownCase(options, io);
  emit(io, options.json, shown, () => {
    const r = shown.record;
    const f = r.facts;
    return (
      `${r.id} (${shown.collection}): ${r.name}\n` +
      `  ${r.determination}, ${r.investigationStatus}; types ${f.types.join(', ') || '(none)'}; victim ${f.victimCountry}${f.sector ? ` (${f.sector})` : ''}` +
      `${f.personalData ? '; personal data' : ''}${f.unlawfulAct ? '; unlawful act' : ''}${f.designatedOperator ? '; designated operator' : ''}\n` +
      `  aware at ${f.awareAt}${f.recordedAt ? ` (recorded ${f.recordedAt})` : ''}\n` +
      clockLines(shown.clocks)
    );
  });
  return shown;
}

/** `setu incident clocks ID --json` prints exactly {"clocks":[{"rule","authority","due","state",...}]}. */
export async function clocks(options: IncidentIdOptions, io: CliIo): Promise<{ clocks: Clock[] }> {
  const shown = await shownCase(options, io);
  const result = { clocks: shown.clocks };
  emit(io, options.json, result, () => `${shown.record.id}: ${shown.record.name}\n${clockLines(shown.clocks)}`);
  return result;
}

export interface IncidentListOptions {
  readonly data: string;
  readonly collection?: string | undefined;
  readonly json: boolean;
}

export interface IncidentListed {
  readonly id: string;
  readonly collection: string;
  readonly name: string;
  readonly awareAt: string;
  readonly victimCountry: string;
  /** Clocks that apply, by state. */
  readonly clocks: Readonly<Partial<Record<Clock['state'], number>>>;
}

const PAGE = 500;

export async function list(options: IncidentListOptions, io: CliIo): Promise<IncidentListed[]> {
  const listed = await withNode(options.data, io.clock, async ({ store, paths }) => {
    const rules = await readReportingRules(paths.dir);
    const collections = options.collection === undefined ? await store.listCollections() : [await requireCollection(store, options.collection)];
    const now = io.clock();
    const out: IncidentListed[] = [];
    for (const collection of collections) {
      let afterSeq: number | undefined;
      for (;;) {
        const page = await store.queryObjects({ collectionId: collection.id, types: ['incident'], limit: PAGE, withJson: true, ...(afterSeq === undefined ? {} : { afterSeq }) });
        for (const r of page.records) {
          let record: CaseRecord;
          try {
            record = readCase(JSON.parse(r.json ?? 'null'));
          } catch {
            continue; // an incident from another tool, without the Setu case extension: not a case of this node
          }
          const counts: Partial<Record<Clock['state'], number>> = {};
          for (const c of clocksFor(record.facts, rules, now)) if (c.state !== 'not-applicable') counts[c.state] = (counts[c.state] ?? 0) + 1;
          out.push({ id: record.id, collection: collection.id, name: record.name, awareAt: record.facts.awareAt, victimCountry: record.facts.victimCountry, clocks: counts });
        }
        const last = page.records.at(-1);
        if (!page.more || last === undefined) break;
        afterSeq = last.seq;
      }
    }
    return out;
  });
  emit(io, options.json, { incidents: listed }, () =>
    listed.map((i) => `${i.id}\t${i.collection}\t${i.victimCountry}\t${i.awareAt}\t${Object.entries(i.clocks).map(([s, n]) => `${n} ${s}`).join(', ') || 'no clock'}\t${i.name}\n`).join('') || 'no incidents\n',
  );
  return listed;
}

export interface IncidentReportOptions {
  readonly data: string;
  readonly id: string;
  readonly rule: string;
  /** When the report was sent (RFC 3339 with a zone); default now. */
  readonly sentAt?: string | undefined;
  /** What was sent: the regulator's acknowledgement, a ticket number, a file hash. */
  readonly evidence: string;
  readonly as?: string | undefined;
  readonly json: boolean;
}

/** Attaches a sent report: stores the next version of the incident (amendCase) through ingest, and prints the clocks. */
export async function report(options: IncidentReportOptions, io: CliIo, newId: () => string = randomUUID): Promise<IncidentShown> {
  const shown = await withNode(options.data, io.clock, async ({ store, info, config, paths }) => {
    const rules = await readReportingRules(paths.dir);
    if (!rules.some((r) => r.id === options.rule)) throw new UsageError(`no reporting rule ${options.rule} (known: ${rules.map((r) => r.id).join(', ')})`);
    const held = await findIncident(store, options.id);
    const collection = await requireCollection(store, held.collection);
    const org = await requireOrganisation(store, options.as ?? nodeOrganisationId(config, info));
    if (options.as !== undefined && !collectionWriters(collection, await store.listCommunities()).includes(org.id)) {
      throw new SetuError('SETU_ERR_NODE_ORG_CANNOT_WRITE', `organisation ${org.id} may not write collection ${collection.id}`, { orgId: org.id, collectionId: collection.id });
    }
    const now = io.clock();
    const nowText = new Date(now).toISOString();
    let next: Record<string, unknown>;
    try {
      next = amendCase(held.object, { report: { rule: options.rule, sentAt: options.sentAt ?? nowText, evidence: options.evidence } }, nowText);
    } catch (error) {
      if (isSetuError(error) && error.code === 'SETU_ERR_INCIDENTS_BAD_FACTS') throw new UsageError(error.message);
      throw error;
    }
    const events: IngestEvents = new EventEmitter();
    const result = await ingest({ store, collectionId: collection.id, rawObjects: [JSON.stringify(next)], clock: io.clock, newId, events, submitter: { orgId: org.id } });
    const failure = result.status.failures[0];
    if (failure !== undefined) throw new ExitError(EXIT.failure, `the new version was refused: ${failure.message ?? ''}`, false);
    await auditSink(store, io.clock).record(writeEvent(localActor(org.id), collection.id, result.status.id, result.added, 0));
    const record = readCase(next);
    return { collection: collection.id, record, clocks: clocksFor(record.facts, rules, now) };
  });
  emit(io, options.json, shown, () => `report for ${options.rule} attached to ${shown.record.id}\n${clockLines(shown.clocks)}`);
  return shown;
}
