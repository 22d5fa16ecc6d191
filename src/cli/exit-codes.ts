// SetuError codes that mean "change the call or the configuration" exit 2; every other coded
// failure means the work failed and exits 1.
import { NODE_ERRORS } from '../node/index.js';
import { SERVER_ERRORS } from '../server/index.js';
import { SEARCH_ERRORS } from '../search/index.js';
import { EXIT, type ExitCode } from './errors.js';

const USAGE_CODES: ReadonlySet<string> = new Set([
  ...Object.keys(NODE_ERRORS),
  ...Object.keys(SERVER_ERRORS),
  // A query or search parameter as given cannot be read: change the call.
  ...Object.keys(SEARCH_ERRORS),
  // A person's fields or role as given cannot be accepted: change the call.
  'SETU_ERR_USERS_WEAK_PASSWORD',
  'SETU_ERR_USERS_BAD_INPUT',
  'SETU_ERR_USERS_ROLE_NOT_ALLOWED',
  'SETU_ERR_USERS_UNKNOWN_USER',
]);

export function exitCodeForSetuError(code: string): ExitCode {
  return USAGE_CODES.has(code) ? EXIT.usage : EXIT.failure;
}
