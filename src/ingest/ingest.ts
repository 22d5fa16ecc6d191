// The ingest pipeline shared by TAXII POST and `setu import`, as a short list of steps:
//   parse one raw element -> (SCO without id: deterministic id) -> validate -> index columns
//   -> classify (visibility columns; the onward rule when a recipient re-shares a held object)
//   -> provenance alignment (a version held with another hop chain is the same version)
//   -> one store.addObjects call (one transaction, status included) -> emit 'added'.
// Invalid objects become failures in the status resource; their valid siblings are stored.
// Raw texts are consumed one at a time and only the accepted texts are kept, so a large bundle
// is never held as parsed values (at most one classify batch is).

import { isScoType, isStixTimestamp, objectVersion, validate, withDeterministicId } from '../stix/index.js';
import type { Finding } from '../stix/index.js';
import type { AddObjectsRequest, AddObjectsResult, NewObjectVersion, StatusDetail, Store } from '../store/index.js';
import type { AddedObject, IngestEvents } from './events.js';
import { classifierFor, type Submitter } from './classify-step.js';
import { alignProvenance } from './provenance.js';
import type { RawElement, UndecodableElement } from './split-bundle.js';
import { loneSurrogateEscape } from './utf8.js';

export interface IngestLogger {
  warn(details: Record<string, unknown>, message: string): void;
}

export interface IngestOptions {
  readonly store: Store;
  readonly collectionId: string;
  /** Raw JSON texts of the objects, e.g. from splitBundle(). May throw (malformed envelope): nothing is then written. */
  readonly rawObjects: Iterable<RawElement>;
  /** Epoch milliseconds. */
  readonly clock: () => number;
  /** Identifier for the status resource. */
  readonly newId: () => string;
  readonly events: IngestEvents;
  /** Where a failing event subscriber is reported (the objects are already durable by then). */
  readonly log?: IngestLogger;
  /** Passed to validate(): SHOULD findings become failures when true. Default false. */
  readonly strict?: boolean;
  /**
   * The organisation submitting (it owns what it adds; re-sharing a held object is checked by the
   * onward rule). Absent: the node itself (its own import), owner unknown, no onward check.
   */
  readonly submitter?: Submitter;
  /** The audit entry of this write, appended by the store in the same transaction (AddObjectsRequest.audit). */
  readonly audit?: AddObjectsRequest['audit'];
}

/** How many findings one failure message lists before summarising the rest. */
const MAX_FINDINGS_IN_MESSAGE = 5;
/** Checked objects classified together: one store look-up each, and a bound on what is held parsed. */
const CLASSIFY_BATCH = 1000;

type Checked =
  | { readonly ok: true; readonly version: NewObjectVersion; readonly object: Readonly<Record<string, unknown>>; readonly index: number }
  | { readonly ok: false; readonly failure: StatusDetail };

/** Validates and stores a batch of raw objects into one collection; returns the status resource and the new versions. */
export async function ingest(options: IngestOptions): Promise<AddObjectsResult> {
  const requestTimestamp = toMicros(options.clock());
  const accepted: NewObjectVersion[] = [];
  const rejected: StatusDetail[] = [];
  const classifier = await classifierFor(options.store, options.collectionId, options.submitter);
  // Checked objects are classified a batch at a time (one store look-up per batch), and outcomes
  // are taken in request order, so accepted and rejected keep the order of the request.
  let batch: Checked[] = [];
  const classifyBatch = async (): Promise<void> => {
    const valid = batch.filter((c): c is Extract<Checked, { ok: true }> => c.ok);
    const outcomes = classifier === undefined ? undefined : await classifier.classifyAll(valid.map((c) => ({ object: c.object, id: c.version.id })));
    let v = 0;
    for (const checked of batch) {
      if (!checked.ok) {
        rejected.push(checked.failure);
        continue;
      }
      const classified = outcomes?.[v++];
      const { version } = checked;
      if (classified === undefined) accepted.push(version);
      else if (classified.ok) accepted.push({ ...version, visibility: classified.visibility });
      else rejected.push({ id: version.id, version: version.version ?? requestTimestamp, message: `objects[${checked.index}]: ${classified.reason}` });
    }
    batch = [];
  };
  let index = 0;
  for (const raw of options.rawObjects) {
    batch.push(typeof raw === 'string' ? checkObject(raw, index, requestTimestamp, options.strict ?? false) : refuseUndecodable(raw, index, requestTimestamp));
    index++;
    if (batch.length === CLASSIFY_BATCH) await classifyBatch();
  }
  await classifyBatch();
  // A version already held whose content differs only in its provenance chain is a re-post.
  const aligned = await alignProvenance(options.store, options.collectionId, accepted);
  const result = await options.store.addObjects({
    collectionId: options.collectionId,
    statusId: options.newId(),
    requestTimestamp,
    ...(options.submitter === undefined ? {} : { postedBy: options.submitter.orgId }),
    accepted: aligned,
    rejected,
    ...(options.audit === undefined ? {} : { audit: options.audit }),
  });
  if (result.added.length > 0) announce(options, result, aligned);
  return result;
}

/** One raw element -> the version to store, or a failure naming the field and the rule. */
export function checkObject(raw: string, index: number, requestTimestamp: string, strict = false): Checked {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    return fail('', requestTimestamp, `objects[${index}]: not valid JSON (${(error as Error).message})`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return fail('', requestTimestamp, `objects[${index}]: must be a JSON object, got ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}`);
  }
  let obj = value as Record<string, unknown>;
  const lone = loneSurrogateEscape(raw);
  if (lone !== null) {
    const loneId = typeof obj['id'] === 'string' ? obj['id'] : '';
    return fail(loneId, versionOr(obj, requestTimestamp), `objects[${index}]: the string escape ${lone.escape} at character ${lone.index} of the object is a lone surrogate (no Unicode character); the object is refused because it cannot be stored or re-encoded unaltered`);
  }
  let json = raw;
  const type = obj['type'];
  if (typeof type === 'string' && obj['id'] === undefined && isScoType(type)) {
    obj = withDeterministicId(obj);
    json = JSON.stringify(obj);
  }
  const id = typeof obj['id'] === 'string' ? obj['id'] : '';
  const rawVersion = objectVersion(obj);
  // The object's own modified/created text is kept (the store compares versions as instants), so
  // manifests and version lists report exactly what the producer wrote.
  const version = rawVersion !== null && isStixTimestamp(rawVersion) ? rawVersion : null;
  const result = validate(obj, { strict });
  if (!result.valid) {
    const reportedVersion = rawVersion ?? requestTimestamp;
    return fail(id, reportedVersion, `objects[${index}]: ${describe(result.errors)}`);
  }
  const specVersion = typeof obj['spec_version'] === 'string' ? obj['spec_version'] : '2.1';
  return { ok: true, version: { id, type: type as string, specVersion, version, json }, object: obj, index };
}

/** An element whose bytes are not UTF-8: refused alone, named from a lossy decoding that is never stored. */
function refuseUndecodable(element: UndecodableElement, index: number, requestTimestamp: string): Checked {
  let named: Record<string, unknown> = {};
  try {
    const value: unknown = JSON.parse(element.lossyText);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) named = value as Record<string, unknown>;
  } catch {
    // the id stays unknown; the message still names the element and the offset
  }
  const id = typeof named['id'] === 'string' && !named['id'].includes('\uFFFD') ? named['id'] : '';
  return fail(id, versionOr(named, requestTimestamp), `objects[${index}]: invalid UTF-8 (bytes ${element.bytes}) at byte offset ${element.offset} of the body; the object is refused rather than stored with replacement characters`);
}

function versionOr(obj: Readonly<Record<string, unknown>>, fallback: string): string {
  const version = objectVersion(obj);
  return version !== null && isStixTimestamp(version) ? version : fallback;
}

function describe(errors: readonly Finding[]): string {
  const shown = errors.slice(0, MAX_FINDINGS_IN_MESSAGE).map((f) => `${f.path}: ${f.message} [${f.code}]`);
  const more = errors.length - shown.length;
  return shown.join('; ') + (more > 0 ? `; and ${more} more` : '');
}

function fail(id: string, version: string, message: string): Checked {
  return { ok: false, failure: { id, version, message } };
}

function announce(options: IngestOptions, result: AddObjectsResult, accepted: readonly NewObjectVersion[]): void {
  // The store returns the stored JSON on added records; an adapter that does not gets it matched back.
  const complete = result.added.every((r) => r.json !== undefined);
  let records: readonly AddedObject[];
  if (complete) {
    records = result.added as readonly AddedObject[]; // every record carries its JSON: no copies
  } else {
    const jsonByKey = new Map<string, string>();
    for (const v of accepted) jsonByKey.set(keyOf(v.id, v.version, v.specVersion), v.json);
    records = result.added.map((r) => ({ ...r, json: r.json ?? jsonByKey.get(keyOf(r.id, r.version, r.specVersion)) ?? '' }));
  }
  try {
    options.events.emit('added', records);
  } catch (error) {
    // The objects are committed and acknowledged; a subscriber's failure must not turn that into an error.
    options.log?.warn({ err: error, collectionId: options.collectionId, count: records.length }, 'an ingest event subscriber failed');
  }
}

function keyOf(id: string, version: string | null, specVersion: string): string {
  return `${id}\u0000${version ?? ''}\u0000${specVersion}`;
}

/** Epoch milliseconds -> 'YYYY-MM-DDTHH:MM:SS.ffffffZ'. */
export function toMicros(ms: number): string {
  const iso = new Date(Math.floor(ms)).toISOString();
  return `${iso.slice(0, 23)}000Z`;
}
