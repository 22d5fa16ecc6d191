// TAXII 2.1 requires HTTPS. Plain HTTP is acceptable only where nothing leaves the machine, so the
// server refuses to listen without TLS on any address that is not a loopback one, unless the
// operator says explicitly that a TLS-terminating proxy sits in front.
import { isIP } from 'node:net';
import { SetuError } from '../errors/index.js';

export function isLoopbackHost(host: string): boolean {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  if (bare === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) === 6) return bare === '::1' || /^::ffff:127\./i.test(bare);
  return false;
}

export interface ListenPlan {
  readonly host: string;
  readonly tls: boolean;
  readonly allowPlainHttp: boolean;
}

/** Throws when the plan would serve plain HTTP beyond this machine without explicit consent. */
export function assertListenPolicy(plan: ListenPlan): void {
  if (plan.tls || plan.allowPlainHttp || isLoopbackHost(plan.host)) return;
  throw new SetuError(
    'SETU_ERR_SERVER_PLAIN_HTTP_REFUSED',
    `refusing plain HTTP on ${plan.host}: TAXII 2.1 requires HTTPS. Pass --tls-cert and --tls-key, ` +
      'or --allow-plain-http when a TLS-terminating proxy is in front.',
    { host: plan.host },
  );
}
