// `setu user add|list|show|disable|role|reset|link`: people of organisations, managed locally as the
// node's operator (acting as node-admin of the node's own organisation; audited as 'admin.user').
// A password is never an argument (it would show in the process list): main.ts reads it from
// standard input with --password-stdin. Output never includes hashes, TOTP secrets or codes.
import { randomUUID } from 'node:crypto';
import { auditSink, localActor } from '../../access/index.js';
import { nodeOrganisationId, withNode, type OpenNode } from '../../node/index.js';
import { addUser, disableUser, linkUser, listManagedUsers, managedUser, resetUser, setUserRole, userView, type Actor, type UserView, type UsersDeps } from '../../users/index.js';
import { emit, type CliIo } from '../io.js';

interface Common {
  readonly data: string;
  readonly json: boolean;
}

export interface UserAddOptions extends Common {
  readonly org: string;
  readonly email: string;
  readonly name: string;
  readonly role: string;
  readonly language?: string | undefined;
  readonly password?: string | undefined;
}

/** The local operator: node-admin of the node's own organisation. */
function operator(node: OpenNode, io: CliIo, newId: () => string): { deps: UsersDeps; actor: Actor; audit: ReturnType<typeof localActor> } {
  const orgId = nodeOrganisationId(node.config, node.info);
  return { deps: { store: node.store, clock: io.clock, newId }, actor: { orgId, role: 'node-admin' }, audit: localActor(orgId) };
}

function line(u: UserView): string {
  return `${u.id}\t${u.orgId}\t${u.role}\t${u.email}\t${u.displayName}\t${u.disabledAt === null ? 'active' : `disabled ${u.disabledAt}`}\n`;
}

async function withAudit<T>(options: Common, io: CliIo, newId: () => string, work: (op: ReturnType<typeof operator>) => Promise<T>): Promise<T> {
  return withNode(options.data, io.clock, async (node) => {
    const op = operator(node, io, newId);
    return work({ ...op, deps: { ...op.deps, audit: auditSink(node.store, io.clock) } });
  });
}

export async function add(options: UserAddOptions, io: CliIo, newId: () => string = randomUUID): Promise<UserView> {
  const user = await withAudit(options, io, newId, ({ deps, actor, audit }) =>
    addUser(deps, actor, audit, { orgId: options.org, email: options.email, displayName: options.name, role: options.role, language: options.language, password: options.password }),
  );
  const view = userView(user);
  emit(io, options.json, view, () => `added ${view.email} (${view.id}) to ${view.orgId} as ${view.role}\n`);
  return view;
}

export async function list(options: Common & { readonly org?: string | undefined }, io: CliIo): Promise<UserView[]> {
  const users = await withNode(options.data, io.clock, async (node) => {
    const op = operator(node, io, randomUUID);
    return listManagedUsers(op.deps, op.actor, options.org);
  });
  const views = users.map(userView);
  emit(io, options.json, views, () => views.map(line).join('') || 'no users\n');
  return views;
}

export async function show(options: Common & { readonly user: string }, io: CliIo): Promise<UserView> {
  const user = await withNode(options.data, io.clock, async (node) => {
    const op = operator(node, io, randomUUID);
    return managedUser(op.deps, op.actor, options.user);
  });
  const view = userView(user);
  emit(io, options.json, view, () =>
    `${view.displayName} <${view.email}>\n  id ${view.id}\n  organisation ${view.orgId}, role ${view.role}, language ${view.language}\n` +
    `  password ${view.hasPassword ? 'set' : 'none'}, TOTP ${view.totp ? `on (${view.recoveryCodesLeft} recovery codes left)` : 'off'}\n` +
    (view.oidcIssuer === null ? '' : `  SSO ${view.oidcIssuer} subject ${view.oidcSubject}\n`) +
    `  ${view.disabledAt === null ? 'active' : `disabled ${view.disabledAt}`}\n`,
  );
  return view;
}

export async function disable(options: Common & { readonly user: string }, io: CliIo, newId: () => string = randomUUID): Promise<UserView> {
  const view = userView(await withAudit(options, io, newId, ({ deps, actor, audit }) => disableUser(deps, actor, audit, options.user)));
  emit(io, options.json, view, () => `disabled ${view.email}; its sessions and personal tokens ended\n`);
  return view;
}

export async function role(options: Common & { readonly user: string; readonly role: string }, io: CliIo, newId: () => string = randomUUID): Promise<UserView> {
  const view = userView(await withAudit(options, io, newId, ({ deps, actor, audit }) => setUserRole(deps, actor, audit, options.user, options.role)));
  emit(io, options.json, view, () => `${view.email} is now ${view.role}\n`);
  return view;
}

export async function reset(options: Common & { readonly user: string; readonly password?: string | undefined }, io: CliIo, newId: () => string = randomUUID): Promise<UserView> {
  const view = userView(await withAudit(options, io, newId, ({ deps, actor, audit }) => resetUser(deps, actor, audit, options.user, options.password)));
  emit(io, options.json, view, () => `reset ${view.email}: second factor removed, sessions and personal tokens ended, ${view.hasPassword ? 'new password set' : 'no password (SSO or a later reset)'}\n`);
  return view;
}

export async function link(options: Common & { readonly user: string; readonly issuer: string; readonly subject: string }, io: CliIo, newId: () => string = randomUUID): Promise<UserView> {
  const view = userView(await withAudit(options, io, newId, ({ deps, actor, audit }) => linkUser(deps, actor, audit, options.user, options.issuer, options.subject)));
  emit(io, options.json, view, () => `linked ${view.email} to ${view.oidcSubject} at ${view.oidcIssuer}; they can sign in through that provider\n`);
  return view;
}
