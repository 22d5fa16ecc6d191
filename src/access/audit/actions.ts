// What the audit log records, as const data: each action and each channel an actor may use.
// The store keeps them as plain strings; recording goes through these types.

export const AUDIT_ACTIONS = [
  'object.write',
  'object.delete',
  'object.read-restricted',
  'export',
  'outbound.send',
  'review.decision',
  'admin.org',
  'admin.token',
  'admin.collection',
  'admin.community',
  'admin.peer',
  'audit.export',
  'admin.user',
  'admin.identity-provider',
  'user.sign-in',
  'user.sign-out',
  'user.token',
  'user.second-factor',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** How the actor reached the node: a TAXII or JSON API request, the local CLI, or federation. */
export const AUDIT_CHANNELS = ['taxii', 'api', 'cli', 'sync'] as const;
export type AuditChannel = (typeof AUDIT_CHANNELS)[number];
