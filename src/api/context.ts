// What every API route shares: its options, the authenticated principal of a request, and the
// role checks the routes state declaratively.
import type { EventEmitter } from 'node:events';
import type { FastifyRequest } from 'fastify';
import type { AuditSink, Principal } from '../access/index.js';
import type { ReportingRule } from '../incidents/index.js';
import type { ForeignReads, GateConfig, NodeKey } from '../node/index.js';
import { SetuError } from '../errors/index.js';
import type { Role, Store } from '../store/index.js';
import type { PeopleAuth, SignInThrottle, SsoService } from '../users/index.js';

export interface ApiOptions {
  readonly store: Store;
  /** Epoch milliseconds. */
  readonly clock: () => number;
  readonly newId: () => string;
  readonly events: EventEmitter;
  /** Where administrative changes are recorded (absent: not recorded). */
  readonly audit?: AuditSink;
  /** Signs audit segments served by GET /audit/export (absent: that route answers 404). */
  readonly nodeKey?: NodeKey;
  /** The outbound gate's profile and pseudonym key (absent: share preview answers 404). */
  readonly gate?: GateConfig;
  /** People (src/users): sessions and personal tokens, sign-in throttling, cookie policy (absent: tokens only). */
  readonly people?: PeopleOptions;
  /** The outbound gate for readers outside the node's jurisdiction (node.foreignReads); absent: every reader reads as written. */
  readonly foreignReads?: ForeignReads;
  /** The legal reporting rules (built-ins with DIR/jurisdictions.json applied); absent: the built-ins. */
  readonly reportingRules?: readonly ReportingRule[];
}

export interface PeopleOptions {
  readonly auth: PeopleAuth;
  readonly throttle: SignInThrottle;
  /** Single sign-on through organisations' OpenID Connect providers. */
  readonly sso: SsoService;
  /** Secure cookies (false only when the node serves plain HTTP on loopback). */
  readonly secureCookies: boolean;
}

export interface ApiContext {
  readonly options: ApiOptions;
  readonly principals: WeakMap<FastifyRequest, Principal>;
}

export function principalOf(ctx: ApiContext, request: FastifyRequest): Principal {
  const principal = ctx.principals.get(request);
  if (principal === undefined) throw new SetuError('SETU_ERR_ACCESS_NO_CREDENTIALS', 'Authentication is required.');
  return principal;
}

/** The principal, if its role is one of `roles`; otherwise a 403. */
export function requireRole(ctx: ApiContext, request: FastifyRequest, roles: readonly Role[]): Principal {
  const principal = principalOf(ctx, request);
  if (!roles.includes(principal.role)) {
    throw new SetuError('SETU_ERR_API_FORBIDDEN', `This operation needs one of the roles ${roles.join(', ')}; the token has role ${principal.role}.`);
  }
  return principal;
}

/** A request body field as a string, or a 400 naming the field. */
export function stringField(body: unknown, field: string, required: true): string;
export function stringField(body: unknown, field: string, required: false): string | undefined;
export function stringField(body: unknown, field: string, required: boolean): string | undefined {
  const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[field] : undefined;
  if (value === undefined || value === null) {
    if (required) throw new SetuError('SETU_ERR_API_BAD_REQUEST', `The request body needs "${field}" (a string).`, { field });
    return undefined;
  }
  if (typeof value !== 'string') throw new SetuError('SETU_ERR_API_BAD_REQUEST', `"${field}" must be a string.`, { field });
  return value;
}

/** A request body field as a list of strings (absent = empty), or a 400 naming the field. */
export function stringListField(body: unknown, field: string): string[] {
  const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[field] : undefined;
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw new SetuError('SETU_ERR_API_BAD_REQUEST', `"${field}" must be a list of strings.`, { field });
  }
  return value as string[];
}
