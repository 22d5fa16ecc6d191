// Enrolling a TOTP second factor: begin (a new secret is kept unconfirmed, its otpauth:// URI
// returned), then confirm with a code from the app; only then is TOTP required at sign-in, and ten
// recovery codes are returned once (their hashes kept).
//
// Re-enrolling while TOTP is confirmed needs proof of the current factor (a code or a recovery
// code, used up as at sign-in): a stolen session alone must not remove it. The new secret waits
// as `totpPending` beside the confirmed one, which stays in force (and its recovery codes) until
// the new one is confirmed; confirming replaces the secret and the recovery codes together.
import { SetuError } from '../errors/index.js';
import type { AuditActor, UserRecord } from '../store/index.js';
import type { UsersDeps } from './deps.js';
import { normaliseRecoveryCode, recoveryCodes, sha256 } from './secrets.js';
import { newTotpSecret, totpStep, totpUri } from './totp.js';

export const TOTP_ISSUER = 'Setu';

/** Proof of the confirmed factor, needed to enrol again. */
export interface TotpProof {
  readonly code?: string | undefined;
  readonly recoveryCode?: string | undefined;
}

async function proves(deps: UsersDeps, user: UserRecord, proof: TotpProof): Promise<boolean> {
  if (proof.code !== undefined && proof.code !== '' && user.totpSecret !== null) {
    const step = totpStep(user.totpSecret, proof.code.trim(), deps.clock());
    return step !== undefined && deps.store.users.useTotpStep(user.id, step);
  }
  if (proof.recoveryCode !== undefined && proof.recoveryCode !== '') {
    return deps.store.users.useRecoveryCode(user.id, sha256(normaliseRecoveryCode(proof.recoveryCode)));
  }
  return false;
}

export async function beginTotp(deps: UsersDeps, user: UserRecord, proof: TotpProof = {}): Promise<{ secret: string; uri: string }> {
  const secret = newTotpSecret();
  if (user.totpConfirmed && user.totpSecret !== null) {
    if (!(await proves(deps, user, proof))) {
      throw new SetuError('SETU_ERR_USERS_BAD_TOTP', 'A second factor is enrolled: send a current "code" from it (or a "recoveryCode") to enrol a new one.');
    }
    await deps.store.users.updateUser(user.id, { totpPending: secret });
  } else {
    await deps.store.users.updateUser(user.id, { totpSecret: secret, totpConfirmed: false, totpPending: null });
  }
  return { secret, uri: totpUri(secret, user.email, TOTP_ISSUER) };
}

export async function confirmTotp(deps: UsersDeps, user: UserRecord, code: string, actor: AuditActor): Promise<{ recoveryCodes: string[] }> {
  const fresh = await deps.store.users.getUser(user.id);
  const enrolling = fresh?.totpPending ?? (fresh?.totpConfirmed === false ? fresh.totpSecret : null) ?? null;
  const step = enrolling === null ? undefined : totpStep(enrolling, code.trim(), deps.clock());
  if (enrolling === null || step === undefined || !(await deps.store.users.useTotpStep(user.id, step))) {
    throw new SetuError('SETU_ERR_USERS_BAD_TOTP', 'The code does not match the authenticator secret being enrolled; check the device clock and try the next code.');
  }
  const codes = recoveryCodes();
  await deps.store.users.updateUser(user.id, { totpSecret: enrolling, totpPending: null, totpConfirmed: true, recoveryCodes: codes.map(sha256) });
  await deps.audit?.record({ action: 'user.second-factor', actor, target: { userId: user.id, orgId: user.orgId }, details: { change: fresh?.totpConfirmed ? 'totp-replaced' : 'totp-enrolled', recoveryCodes: codes.length } });
  return { recoveryCodes: codes };
}
