// Public face of ingest/: bundle splitting and the validate-and-store pipeline.

export { INGEST_ERRORS, type IngestErrorCode } from './errors.js';
export { splitBundle, splitBundleBytes, type RawElement, type UndecodableElement } from './split-bundle.js';
export { bytesAt, firstInvalidUtf8, loneSurrogateEscape } from './utf8.js';
export { ingest, checkObject, toMicros, type IngestOptions, type IngestLogger } from './ingest.js';
export type { IngestEvents, AddedObject } from './events.js';
export type { Submitter } from './classify-step.js';
export { SETU_PROVENANCE_EXTENSION_ID, alignProvenance, contentWithoutProvenance } from './provenance.js';
