// `setu review list|show|approve|reject`: the outbound gate's review queue. A held object leaves
// only after a person approves it (as is, or with its held findings redacted); the next export or
// send to that destination then releases it. Decisions are final and record who and when.
import { userInfo } from 'node:os';
import { auditSink, localActor, passOutbound, type OutboundResult } from '../../access/index.js';
import { SetuError } from '../../errors/index.js';
import { loadGateConfig, nodeOrganisationId, recipientGateOptions, withNode } from '../../node/index.js';
import { REVIEW_STATES, type ReviewItem, type ReviewRelease, type ReviewState, type Store } from '../../store/index.js';
import { UsageError } from '../errors.js';
import { emit, type CliIo } from '../io.js';

export interface ReviewListOptions {
  readonly data: string;
  readonly state?: string | undefined;
  readonly to?: string | undefined;
  readonly limit?: number | undefined;
  readonly json: boolean;
}

function parseState(state: string | undefined): ReviewState | undefined {
  if (state === undefined || state === 'all') return undefined;
  if (!(REVIEW_STATES as readonly string[]).includes(state)) throw new UsageError(`--state must be one of ${REVIEW_STATES.join(', ')} or all, not ${state}`);
  return state as ReviewState;
}

const summary = (i: ReviewItem) =>
  `${i.id}\t${i.state}\t${i.destinationKind}:${i.destinationId}\t${i.objectId}\t${[...new Set(i.reasons.map((r) => r.kind ?? r.rule))].join(',')}\n`;

export async function list(options: ReviewListOptions, io: CliIo): Promise<ReviewItem[]> {
  const state = parseState(options.state ?? 'pending');
  const items = await withNode(options.data, io.clock, ({ store }) =>
    store.listReviewItems({
      ...(state === undefined ? {} : { state }),
      ...(options.to === undefined ? {} : { destinationId: options.to }),
      limit: options.limit ?? 100,
    }),
  );
  emit(io, options.json, items, () => items.map(summary).join('') || 'the review queue is empty\n');
  return items;
}

export interface ReviewShowOptions {
  readonly data: string;
  readonly id: string;
  readonly json: boolean;
}

export interface ReviewShown {
  readonly item: ReviewItem;
  /** What the destination would receive if the item were approved in each way (pending items only). */
  readonly onApproval?: { readonly 'as-is': OutboundResult; readonly redacted: OutboundResult };
}

async function requireItem(store: Store, id: string): Promise<ReviewItem> {
  const item = await store.getReviewItem(id);
  if (item === undefined) throw new UsageError(`no review item ${id} (see \`setu review list\`)`);
  return item;
}

export async function show(options: ReviewShowOptions, io: CliIo): Promise<ReviewShown> {
  const shown = await withNode(options.data, io.clock, async (node) => {
    const item = await requireItem(node.store, options.id);
    if (item.state !== 'pending') return { item };
    // The object as the gate would release it (pseudonyms, redactions); the share context (threat
    // values from other objects) is not re-derived here, so a release may keep more than shown.
    const gate = await loadGateConfig(node.paths.dir, node.info, item.profile);
    const toward = recipientGateOptions(await node.store.listOrganisations(), item.destinationId, gate.profile, gate.pseudonymKey);
    const release = (mode: ReviewRelease) => passOutbound(item.json, { ...toward, release: mode });
    return { item, onApproval: { 'as-is': release('as-is'), redacted: release('redacted') } };
  });
  emit(io, options.json, shown, () => {
    const i = shown.item;
    const lines = [
      `review ${i.id}: ${i.state}${i.decidedBy ? ` by ${i.decidedBy} at ${i.decidedAt}` : ''}${i.release ? ` (released ${i.release})` : ''}${i.note ? `: ${i.note}` : ''}\n`,
      `  to ${i.destinationKind} ${i.destinationId}; object ${i.objectId} ${i.version ?? ''} from collection ${i.collectionId}; held ${i.createdAt} under profile ${i.profile}\n`,
      ...i.reasons.map((r) => `  - ${r.message}\n`),
      `  held JSON: ${i.json}\n`,
    ];
    const redacted = shown.onApproval?.redacted;
    if (redacted?.kind === 'send') lines.push(`  approved --redacted would send: ${redacted.json}\n`);
    return lines.join('');
  });
  return shown;
}

export interface ReviewDecideOptions {
  readonly data: string;
  readonly id: string;
  /** Approval only: send unchanged instead of with the held findings redacted. */
  readonly asIs?: boolean | undefined;
  readonly note?: string | undefined;
  /** Who decides; default the operating-system user running the command. */
  readonly by?: string | undefined;
  readonly json: boolean;
}

async function decide(options: ReviewDecideOptions, io: CliIo, state: 'approved' | 'rejected'): Promise<ReviewItem> {
  const decidedBy = options.by ?? `cli:${userInfo().username}`;
  const decidedAt = new Date(io.clock()).toISOString();
  const note = options.note ?? null;
  const result = await withNode(options.data, io.clock, async ({ store, info, config }) => {
    const outcome = await store.decideReviewItem(
      options.id,
      state === 'approved' ? { state, release: options.asIs === true ? 'as-is' : 'redacted', decidedAt, decidedBy, note } : { state, decidedAt, decidedBy, note },
    );
    if (outcome.kind === 'decided') {
      const { item } = outcome;
      await auditSink(store, io.clock).record({
        action: 'review.decision',
        actor: localActor(nodeOrganisationId(config, info)),
        target: { reviewId: item.id, objectId: item.objectId, destination: `${item.destinationKind}:${item.destinationId}` },
        details: { state: item.state, release: item.release, note: item.note, contentHash: item.contentHash, decidedBy },
      });
    }
    return outcome;
  });
  switch (result.kind) {
    case 'not-found':
      throw new UsageError(`no review item ${options.id} (see \`setu review list\`)`);
    case 'already-decided':
      throw new SetuError('SETU_ERR_GATE_REVIEW_DECIDED', `review item ${options.id} was already ${result.item.state} by ${result.item.decidedBy} at ${result.item.decidedAt}`, {
        id: options.id,
        state: result.item.state,
      });
    case 'decided':
      emit(io, options.json, result.item, () => `${result.item.id} ${result.item.state}${result.item.release ? ` (${result.item.release})` : ''} by ${decidedBy}\n`);
      return result.item;
  }
}

export const approve = (options: ReviewDecideOptions, io: CliIo) => decide(options, io, 'approved');
export const reject = (options: ReviewDecideOptions, io: CliIo) => decide(options, io, 'rejected');
