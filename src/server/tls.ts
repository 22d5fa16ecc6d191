// Turns the operator's TLS flags into Node https options: TLS 1.2 or newer, and, when a client CA
// is given, mutual TLS in which every client must present a certificate that CA signed.
import { readFileSync } from 'node:fs';
import type { SecureContextOptions, TlsOptions } from 'node:tls';
import { SetuError } from '../errors/index.js';

export interface TlsFiles {
  readonly certFile?: string | undefined;
  readonly keyFile?: string | undefined;
  readonly clientCaFile?: string | undefined;
}

function readPem(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (cause) {
    throw new SetuError('SETU_ERR_SERVER_TLS_FILE', `cannot read the TLS ${what} file ${path}: ${(cause as Error).message}`, { path });
  }
}

/** Undefined when no TLS was asked for; throws on an incomplete or unreadable set of files. */
export function loadTlsOptions(files: TlsFiles): (TlsOptions & SecureContextOptions) | undefined {
  const { certFile, keyFile, clientCaFile } = files;
  if (!certFile && !keyFile && !clientCaFile) return undefined;
  if (!certFile || !keyFile) {
    throw new SetuError('SETU_ERR_SERVER_TLS_INCOMPLETE', 'TLS needs both --tls-cert and --tls-key (and --tls-client-ca only together with them)');
  }
  const options: TlsOptions & SecureContextOptions = {
    cert: readPem(certFile, 'certificate'),
    key: readPem(keyFile, 'key'),
    minVersion: 'TLSv1.2',
  };
  if (clientCaFile) {
    options.ca = readPem(clientCaFile, 'client CA');
    options.requestCert = true;
    options.rejectUnauthorized = true;
  }
  return options;
}
