// `setu search QUERY`: the search of GET /api/v1/search from the command line. With --as ORG it
// is that organisation's search (the collections it may read, TLP and RED recipients, and the
// outbound gate when it is of another jurisdiction); without, the node's own view of everything
// it holds. A query the parser refuses is a usage error (exit 2, main.ts).
import { randomUUID } from 'node:crypto';
import { foreignReads, loadGateConfig, requireOrganisation, searchFor, withNode, type SearchAnswer, type Searcher } from '../../node/index.js';
import { emit, type CliIo } from '../io.js';

export interface SearchOptions {
  readonly data: string;
  readonly query: string;
  readonly as?: string | undefined;
  readonly type?: string | undefined;
  readonly collection?: string | undefined;
  readonly tlp?: string | undefined;
  readonly since?: string | undefined;
  readonly limit?: number | undefined;
  readonly cursor?: string | undefined;
  readonly json: boolean;
}

function describe(answer: SearchAnswer): string {
  if (answer.results.length === 0) return 'no results\n';
  const lines = answer.results.map((r) => `${r.id}  ${r.version ?? '-'}  ${r.tlp}  ${r.collection}  ${r.name ?? ''}\n    matched: ${r.matched}`);
  if (answer.next !== null) lines.push(`more: --cursor ${answer.next}`);
  return `${lines.join('\n')}\n`;
}

export async function run(options: SearchOptions, io: CliIo, newId: () => string = randomUUID): Promise<SearchAnswer> {
  const answer = await withNode(options.data, io.clock, async (node) => {
    let searcher: Searcher;
    let reads;
    if (options.as !== undefined) {
      const org = await requireOrganisation(node.store, options.as);
      searcher = { tokenId: 'cli-search', orgId: org.id, role: 'reader', communities: await node.store.communitiesOf(org.id) };
      const gate = await loadGateConfig(node.paths.dir, node.info);
      reads = foreignReads({ store: node.store, profile: gate.profile, pseudonymKey: gate.pseudonymKey, country: gate.country, clock: io.clock, newId });
    }
    return searchFor({ store: node.store, foreignReads: reads }, searcher, {
      q: options.query,
      type: options.type,
      collection: options.collection,
      tlp: options.tlp,
      since: options.since,
      limit: options.limit,
      cursor: options.cursor,
    });
  });
  emit(io, options.json, answer, () => describe(answer));
  return answer;
}
