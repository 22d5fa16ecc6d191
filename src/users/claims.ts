// Claim-to-role mapping for single sign-on (pure). The organisation's identity provider names the
// claim that holds a person's groups or roles (a string or a list of strings) and maps values to
// roles:
//
//   several values map       -> the widest mapped role
//   no value maps            -> the provider's default role, or no role (sign-in refused)
//
// The result can never be wider than what the org-admin who configured the mapping may grant: the
// mapping itself is checked when it is saved (identity-provider.ts).
import type { IdentityProviderRecord, UserRole } from '../store/index.js';
import { widerRole } from './roles.js';

export function claimValues(claims: Readonly<Record<string, unknown>>, claim: string): string[] {
  const value = claims[claim];
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function roleFromClaims(claims: Readonly<Record<string, unknown>>, provider: Pick<IdentityProviderRecord, 'roleClaim' | 'roleMap' | 'defaultRole'>): UserRole | undefined {
  let role: UserRole | undefined;
  for (const value of claimValues(claims, provider.roleClaim)) {
    const mapped = Object.hasOwn(provider.roleMap, value) ? provider.roleMap[value] : undefined;
    if (mapped !== undefined) role = role === undefined ? mapped : widerRole(role, mapped);
  }
  return role ?? provider.defaultRole ?? undefined;
}
