// `setu share preview --to ORG [--collection ID] [--as ORG] [--peer]`: exactly which objects and
// fields a destination would receive from this node, and why each other one is held or withheld.
// It runs the same outbound path a real send runs (node.shareObjects), in preview mode, which
// writes nothing.
import type { ShareDecision } from '../../access/index.js';
import { loadGateConfig, previewShare, withNode, type SharePreview } from '../../node/index.js';
import { emit, type CliIo } from '../io.js';

export interface SharePreviewOptions {
  readonly data: string;
  readonly to: string;
  readonly collection?: string | undefined;
  /** The organisation passing the objects on; default the node's own organisation. */
  readonly as?: string | undefined;
  /** The destination is a peer node run by `to` (review items are kept per destination kind). */
  readonly peer?: boolean | undefined;
  /** A jurisdiction profile other than the node's. */
  readonly profile?: string | undefined;
  readonly json: boolean;
}

/** The top-level fields a recipient receives, for the human listing. */
const fieldsOf = (json: string) => Object.keys(JSON.parse(json) as Record<string, unknown>).join(', ');

function describe(d: ShareDecision): string {
  const head = `${d.outcome.toUpperCase().padEnd(8)} ${d.id} ${d.version ?? '(unversioned)'} [${d.collectionId}]\n`;
  if (d.outcome === 'send') {
    const lines = [`  fields: ${fieldsOf(d.json)}`];
    for (const r of d.redactions) lines.push(`  redacted ${r.kind} at ${r.path}: ${JSON.stringify(r.match)}`);
    for (const p of d.pseudonyms) lines.push(`  pseudonym ${p.pseudonym} for ${p.original}`);
    for (const k of d.kept) lines.push(`  kept ${k.kind} at ${k.path} (${k.exempt ?? 'released by review'})`);
    if (d.reviewId !== undefined) lines.push(`  released by review ${d.reviewId}`);
    return head + lines.map((l) => `${l}\n`).join('');
  }
  return head + d.reasons.map((r) => `  [${r.source}] ${r.message}\n`).join('');
}

export async function preview(options: SharePreviewOptions, io: CliIo): Promise<SharePreview> {
  const result = await withNode(options.data, io.clock, async (node) => {
    const gate = await loadGateConfig(node.paths.dir, node.info, options.profile);
    return previewShare(
      { store: node.store, profile: gate.profile, pseudonymKey: gate.pseudonymKey, clock: io.clock, newId: () => 'preview', home: gate.country },
      {
        to: options.to,
        kind: options.peer === true ? 'peer' : 'organisation',
        actor: options.as ?? gate.nodeOrg,
        ...(options.collection === undefined ? {} : { collections: [options.collection] }),
      },
    );
  });
  emit(io, options.json, result, () =>
    [
      `share preview: ${result.destination.kind} ${result.destination.id}, passed on by ${result.actor}, profile ${result.profile.id} (${result.profile.law})\n`,
      ...result.objects.map(describe),
      ...result.identities.map((i) => `IDENTITY ${String(i['id'])} (pseudonymous source, sent once)\n`),
      `${result.counts.send} sent, ${result.counts.hold} held for review, ${result.counts.withhold} withheld\n`,
    ].join(''),
  );
  return result;
}
