// Local sign-in, in order:
//   1. throttle: refused while the account or the address is over its failure limit (429)
//   2. password: argon2id verify (a missing or disabled account costs the same hash work)
//   3. second factor, if the user confirmed TOTP: a code (each time step once) or a recovery code
//      (each once); neither given -> SETU_ERR_USERS_SECOND_FACTOR_REQUIRED
//   4. a session starts; the sign-in is audited in the user's name
// Every failure is the one answer SETU_ERR_USERS_SIGN_IN_FAILED and counts against both keys.
import { SetuError } from '../errors/index.js';
import type { AuditActor, SignInMethod, UserRecord } from '../store/index.js';
import type { UsersDeps } from './deps.js';
import { dummyHash, verifyPassword } from './password-hash.js';
import { normaliseRecoveryCode, sha256 } from './secrets.js';
import { startSession, type NewSession } from './sessions.js';
import type { SignInThrottle } from './throttle.js';
import { totpStep } from './totp.js';

export interface PasswordSignIn {
  readonly email: string;
  readonly password: string;
  readonly code?: string | undefined;
  readonly recoveryCode?: string | undefined;
  /** The client address (throttling key). */
  readonly address: string;
}

export interface SignedIn {
  readonly user: UserRecord;
  readonly session: NewSession;
}

const failed = () => new SetuError('SETU_ERR_USERS_SIGN_IN_FAILED', 'Sign-in failed: the e-mail, password or second factor is wrong, or the account is disabled.');

/** The audit actor of a person acting through a session. */
export function sessionActor(user: UserRecord, session: NewSession['record'], channel: 'api' | 'cli' = 'api'): AuditActor {
  return { orgId: user.orgId, tokenId: `session:${session.idHash.slice(0, 16)}`, role: user.role, channel, userId: user.id };
}

export async function signInWithPassword(deps: UsersDeps, throttle: SignInThrottle, input: PasswordSignIn): Promise<SignedIn> {
  const email = input.email.trim().toLowerCase();
  const verdict = throttle.check(email, input.address);
  if (!verdict.allowed) {
    throw new SetuError('SETU_ERR_USERS_THROTTLED', `Too many failed sign-ins for this ${verdict.by}; retry after ${verdict.retryAfterSeconds} s.`, { retryAfterSeconds: verdict.retryAfterSeconds, by: verdict.by });
  }
  const user = await deps.store.users.findUserByEmail(email);
  const usable = user !== undefined && user.disabledAt === null && user.passwordHash !== null;
  const matches = await verifyPassword(usable ? user.passwordHash! : await dummyHash(), input.password);
  if (!usable || !matches) {
    throttle.fail(email, input.address);
    throw failed();
  }
  const method = await secondFactor(deps, user, input);
  if (method === undefined) {
    throttle.fail(email, input.address);
    throw failed();
  }
  throttle.succeed(email);
  const session = await startSession(deps, user, method);
  await deps.audit?.record({ action: 'user.sign-in', actor: sessionActor(user, session.record), target: { userId: user.id, orgId: user.orgId }, details: { method } });
  return { user, session };
}

/** The sign-in method when the second factor (if any) holds, undefined when a given one is wrong. */
async function secondFactor(deps: UsersDeps, user: UserRecord, input: PasswordSignIn): Promise<SignInMethod | undefined> {
  if (!user.totpConfirmed || user.totpSecret === null) return 'password';
  if (input.code !== undefined && input.code !== '') {
    const step = totpStep(user.totpSecret, input.code.trim(), deps.clock());
    return step !== undefined && (await deps.store.users.useTotpStep(user.id, step)) ? 'password+totp' : undefined;
  }
  if (input.recoveryCode !== undefined && input.recoveryCode !== '') {
    return (await deps.store.users.useRecoveryCode(user.id, sha256(normaliseRecoveryCode(input.recoveryCode)))) ? 'recovery-code' : undefined;
  }
  throw new SetuError('SETU_ERR_USERS_SECOND_FACTOR_REQUIRED', 'This account has a second factor: send "code" (from the authenticator app) or "recoveryCode".');
}
