// `setu token create|list|revoke`: API tokens. A secret is printed once at creation; list never
// shows secrets (only their ids, organisations, roles and state).
import { randomUUID } from 'node:crypto';
import { issueToken, revokeToken, withNode } from '../../node/index.js';
import { emit, type CliIo } from '../io.js';
import { recordLocal } from './audit.js';

export interface TokenCreateOptions {
  readonly data: string;
  readonly org: string;
  readonly role: string;
  readonly label?: string | undefined;
  readonly expiresInDays?: number | undefined;
  readonly json: boolean;
}

export async function create(options: TokenCreateOptions, io: CliIo, newId: () => string = randomUUID) {
  const token = await withNode(options.data, io.clock, async (node) => {
    const issued = await issueToken(node.store, { orgId: options.org, role: options.role, label: options.label, expiresInDays: options.expiresInDays }, io.clock, newId);
    const { record } = issued;
    await recordLocal(node, io.clock, { action: 'admin.token', target: { tokenId: record.id, orgId: record.orgId }, details: { change: 'create', role: record.role, label: record.label, expiresAt: record.expiresAt } });
    return issued;
  });
  const { secretHash: _hidden, ...shown } = token.record;
  emit(io, options.json, { ...shown, token: token.secret }, () => `${token.secret}\n`);
  return token;
}

export async function list(options: { readonly data: string; readonly json: boolean }, io: CliIo) {
  const tokens = await withNode(options.data, io.clock, ({ store }) => store.listTokens());
  const now = io.clock();
  const shown = tokens.map(({ secretHash: _hidden, ...rest }) => ({
    ...rest,
    state: rest.revokedAt ? 'revoked' : rest.expiresAt && Date.parse(rest.expiresAt) <= now ? 'expired' : 'active',
  }));
  emit(io, options.json, shown, () => shown.map((t) => `${t.id}\t${t.orgId}\t${t.role}\t${t.state}\t${t.label ?? ''}\n`).join('') || 'no tokens\n');
  return shown;
}

export async function revoke(options: { readonly data: string; readonly id: string; readonly json: boolean }, io: CliIo) {
  await withNode(options.data, io.clock, async (node) => {
    await revokeToken(node.store, options.id, io.clock);
    await recordLocal(node, io.clock, { action: 'admin.token', target: { tokenId: options.id }, details: { change: 'revoke' } });
  });
  emit(io, options.json, { id: options.id, revoked: true }, () => `revoked ${options.id}\n`);
}
