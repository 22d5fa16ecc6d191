// Enrolling a TOTP second factor: begin (a new secret is kept unconfirmed, its otpauth:// URI
// returned), then confirm with a code from the app; only then is TOTP required at sign-in, and ten
// recovery codes are returned once (their hashes kept). Enrolling again replaces both.
import { SetuError } from '../errors/index.js';
import type { AuditActor, UserRecord } from '../store/index.js';
import type { UsersDeps } from './deps.js';
import { recoveryCodes, sha256 } from './secrets.js';
import { newTotpSecret, totpStep, totpUri } from './totp.js';

export const TOTP_ISSUER = 'Setu';

export async function beginTotp(deps: UsersDeps, user: UserRecord): Promise<{ secret: string; uri: string }> {
  const secret = newTotpSecret();
  await deps.store.users.updateUser(user.id, { totpSecret: secret, totpConfirmed: false });
  return { secret, uri: totpUri(secret, user.email, TOTP_ISSUER) };
}

export async function confirmTotp(deps: UsersDeps, user: UserRecord, code: string, actor: AuditActor): Promise<{ recoveryCodes: string[] }> {
  const fresh = await deps.store.users.getUser(user.id);
  const step = fresh?.totpSecret == null ? undefined : totpStep(fresh.totpSecret, code.trim(), deps.clock());
  if (step === undefined || !(await deps.store.users.useTotpStep(user.id, step))) {
    throw new SetuError('SETU_ERR_USERS_BAD_TOTP', 'The code does not match the authenticator secret being enrolled; check the device clock and try the next code.');
  }
  const codes = recoveryCodes();
  await deps.store.users.updateUser(user.id, { totpConfirmed: true, recoveryCodes: codes.map(sha256) });
  await deps.audit?.record({ action: 'user.second-factor', actor, target: { userId: user.id, orgId: user.orgId }, details: { change: 'totp-enrolled', recoveryCodes: codes.length } });
  return { recoveryCodes: codes };
}
