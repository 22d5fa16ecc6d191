// The `next` pagination token: opaque to clients, a base64url wrapping of the last seq served.
// Anything that does not decode to a token this server could have issued is rejected (400).

import { SetuError } from '../errors/index.js';

const PREFIX = 'c1.';
const SHAPE = /^c1\.(0|[1-9]\d{0,15})$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

export function encodeCursor(seq: number): string {
  return Buffer.from(PREFIX + String(seq), 'utf8').toString('base64url');
}

export function decodeCursor(token: string): number {
  const match = BASE64URL.test(token) ? SHAPE.exec(Buffer.from(token, 'base64url').toString('utf8')) : null;
  const seq = match === null ? NaN : Number(match[1]);
  if (!Number.isSafeInteger(seq)) {
    throw new SetuError('SETU_ERR_TAXII_BAD_NEXT', 'The next parameter is not a valid pagination token; use the value of "next" from a previous response.', { parameter: 'next' });
  }
  return seq;
}
