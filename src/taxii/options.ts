// Options of the TAXII plugin: everything it needs is handed in by app.ts.

import type { FastifyRequest } from 'fastify';
import type { AuditSink } from '../access/index.js';
import type { IngestEvents } from '../ingest/index.js';
import type { ObjectRecord, Store } from '../store/index.js';
import type { PageSize } from './query-params.js';
import type { PeerPushHook } from './peer-push.js';
import type { PeopleAuth } from '../users/index.js';

export interface ApiRootOptions {
  /** Path segment under the base path: 'setu' serves the API root at `/taxii2/setu/`. */
  readonly name: string;
  readonly title: string;
  readonly description?: string;
}

/** One foreign reader's view of a collection (node/read-gate.ts builds it). */
export interface ForeignView {
  /** Passed to the page query as ObjectQuery.gateReader. */
  readonly gateReader: string;
  /**
   * The JSON the reader receives for each record of a page read with gateReader; undefined when a
   * verdict changed after the page was read (the page must be read again).
   */
  serve(records: readonly ObjectRecord[]): Promise<string[] | undefined>;
}

/** Direct reads by organisations outside the node's jurisdiction go through the outbound gate. */
export interface ForeignReadGate {
  /** orgId null: an anonymous reader. undefined: the organisation is inside and reads objects as written. */
  viewFor(collectionId: string, orgId: string | null): Promise<ForeignView | undefined>;
}

export interface TaxiiPluginOptions {
  readonly store: Store;
  /** Epoch milliseconds. */
  readonly clock: () => number;
  /** Identifiers for status resources. */
  readonly newId: () => string;
  readonly events: IngestEvents;
  /** Where writes, deletes and restricted reads are recorded (absent: not recorded). */
  readonly audit?: AuditSink;
  /** Discovery resource. */
  readonly title: string;
  readonly description?: string;
  readonly contact?: string;
  /** Where discovery lives; default '/taxii2'. Register the plugin WITHOUT a Fastify prefix. */
  readonly basePath?: string;
  /** Default: one API root named 'setu'. Every API root serves the node's collections. */
  readonly apiRoots?: readonly ApiRootOptions[];
  /** Name of the API root discovery reports as `default`; default the first. */
  readonly defaultApiRoot?: string;
  /** Largest request body accepted, in bytes (reported as max_content_length; larger bodies get 413). */
  readonly maxContentLength: number;
  /** Page size when the client gives no `limit`, and the most one page may hold. Default 100 / 1000. */
  readonly pageSize?: PageSize;
  /** Requests per token per minute; absent = unlimited. */
  readonly rateLimit?: { readonly perMinute: number };
  /**
   * Under mutual TLS: the organisation id a verified client certificate names, or undefined when
   * the connection carries none. A token used over such a connection must belong to that
   * organisation, so a stolen token is useless without the partner's certificate.
   */
  readonly certificateOrg?: (request: FastifyRequest) => string | undefined;
  /** People's personal tokens (src/users): resolved before organisation tokens. Absent: tokens of organisations only. */
  readonly people?: PeopleAuth;
  /** Treat SHOULD-level validation findings as failures. Default false. */
  readonly strictValidation?: boolean;
  /**
   * The outbound gate for readers outside the node's jurisdiction (node.foreignReads): they read
   * what a share to them would deliver. Absent: every reader reads objects as written.
   */
  readonly foreignReads?: ForeignReadGate;
  /** Setu-to-Setu pushes: signature check for `peer` tokens and provenance recording (absent: unchecked). */
  readonly peerPushes?: PeerPushHook;
  /** Told how many objects each Add Objects request refused (metrics; absent: not reported). */
  readonly onRejected?: (count: number) => void;
}

export const DEFAULT_PAGE_SIZE: PageSize = { default: 100, max: 1000 };
