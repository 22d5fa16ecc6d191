// Every thrown-error code of Setu, gathered from each module's own catalogue. Used by the
// catalogue test (unique, well-formed, documented, and every code the source throws is listed)
// and by scripts/errors-doc.ts, which generates docs/errors.md from it. Not imported at run time.
import { ACCESS_ERRORS } from '../access/index.js';
import { API_ERRORS } from '../api/index.js';
import { AUDIT_ERRORS } from '../access/audit/index.js';
import { CLI_ERRORS } from '../cli/error-codes.js';
import { DETECT_ERROR_CODES } from '../detect/errors.js';
import { GATE_ERRORS } from '../access/gate/index.js';
import { INCIDENTS_ERRORS } from '../incidents/index.js';
import { INGEST_ERRORS } from '../ingest/index.js';
import { NODE_ERRORS } from '../node/index.js';
import { PATTERN_ERROR_CODES } from '../pattern/index.js';
import { PRACTICES_ERRORS } from '../practices/index.js';
import { SEARCH_ERRORS } from '../search/index.js';
import { SERVER_ERRORS } from '../server/index.js';
import { SUPPLYCHAIN_ERRORS } from '../supplychain/index.js';
import { STIX_ERRORS } from '../stix/index.js';
import { STORE_ERRORS } from '../store/index.js';
import { TAXII_ERRORS } from '../taxii/index.js';
import { SYNC_ERRORS } from '../sync/index.js';
import { USERS_ERRORS } from '../users/index.js';
import { WEB_ERRORS } from '../web/index.js';

export const ERROR_CATALOGUES = {
  access: ACCESS_ERRORS,
  api: API_ERRORS,
  audit: AUDIT_ERRORS,
  cli: CLI_ERRORS,
  detect: DETECT_ERROR_CODES,
  gate: GATE_ERRORS,
  incidents: INCIDENTS_ERRORS,
  ingest: INGEST_ERRORS,
  node: NODE_ERRORS,
  pattern: PATTERN_ERROR_CODES,
  practices: PRACTICES_ERRORS,
  search: SEARCH_ERRORS,
  server: SERVER_ERRORS,
  stix: STIX_ERRORS,
  supplychain: SUPPLYCHAIN_ERRORS,
  store: STORE_ERRORS,
  taxii: TAXII_ERRORS,
  sync: SYNC_ERRORS,
  users: USERS_ERRORS,
  web: WEB_ERRORS,
} as const satisfies Record<string, Readonly<Record<string, string>>>;

export type ErrorArea = keyof typeof ERROR_CATALOGUES;
