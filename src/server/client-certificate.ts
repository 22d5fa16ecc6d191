// Mutual TLS between national nodes: a verified client certificate names its organisation in the
// subject's organizationName (O), or in its commonName (CN) when O is absent, as the Setu
// organisation id. Unverified or absent certificates name nothing (the TLS layer already refuses
// them when a client CA is configured).
import type { TLSSocket } from 'node:tls';
import type { FastifyRequest } from 'fastify';

export function certificateOrgOf(request: FastifyRequest): string | undefined {
  const socket = request.raw.socket as Partial<TLSSocket>;
  if (typeof socket.getPeerCertificate !== 'function' || socket.authorized !== true) return undefined;
  const subject = socket.getPeerCertificate().subject as Record<string, string | string[] | undefined> | undefined;
  const name = subject?.['O'] ?? subject?.['CN'];
  const first = Array.isArray(name) ? name[0] : name;
  return first === undefined || first === '' ? undefined : first.trim().toLowerCase();
}
