// The request-body parser for application/taxii+json: reads the stream into ONE buffer (sized
// from Content-Length when given, so chunks are copied once and not kept), enforces the size
// limit while reading, and hands the bytes on unparsed; ingest/ splits them object by object.

import type { FastifyRequest } from 'fastify';
import { SetuError } from '../errors/index.js';
import { isTaxiiContentType } from './media-types.js';

type Done = (error: Error | null, body?: Buffer) => void;

export function taxiiBodyParser(limit: number) {
  return (request: FastifyRequest, payload: NodeJS.ReadableStream, done: Done): void => {
    if (!isTaxiiContentType(request.headers['content-type'])) {
      done(unsupported(request.headers['content-type']));
      return;
    }
    const declared = request.headers['content-length'] === undefined ? NaN : Number(request.headers['content-length']);
    if (declared > limit) {
      done(tooLarge(limit));
      return;
    }
    const known = Number.isSafeInteger(declared) && declared >= 0;
    const whole = known ? Buffer.allocUnsafe(declared) : undefined;
    const chunks: Buffer[] = [];
    let received = 0;
    let finished = false;

    const finish = (error: Error | null, body?: Buffer): void => {
      if (finished) return;
      finished = true;
      payload.removeListener('data', onData);
      payload.removeListener('end', onEnd);
      payload.removeListener('error', onError);
      done(error, body);
    };
    const onData = (chunk: Buffer | string): void => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      if (received + bytes.length > limit) return finish(tooLarge(limit));
      if (whole !== undefined) {
        if (received + bytes.length > whole.length) return finish(badLength());
        bytes.copy(whole, received);
      } else {
        chunks.push(bytes);
      }
      received += bytes.length;
    };
    const onEnd = (): void => {
      if (whole !== undefined) {
        if (received !== whole.length) return finish(badLength());
        return finish(null, whole);
      }
      finish(null, Buffer.concat(chunks, received));
    };
    const onError = (error: Error): void => finish(new SetuError('SETU_ERR_TAXII_BAD_REQUEST', `The request body could not be read: ${error.message}`));

    payload.on('data', onData);
    payload.on('end', onEnd);
    payload.on('error', onError);
    payload.resume();
  };
}

function unsupported(contentType: string | undefined): SetuError {
  return new SetuError('SETU_ERR_TAXII_UNSUPPORTED_MEDIA_TYPE', `Content-Type must be application/taxii+json;version=2.1, not "${contentType ?? ''}".`);
}

function tooLarge(limit: number): SetuError {
  return new SetuError('SETU_ERR_TAXII_BODY_TOO_LARGE', `The request body exceeds max_content_length (${limit} bytes).`, { limit });
}

function badLength(): SetuError {
  return new SetuError('SETU_ERR_TAXII_BAD_REQUEST', 'The request body length does not match its Content-Length header.');
}
