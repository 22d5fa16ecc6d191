// A ring of three Setu nodes, A -> B -> C -> A, each pushing its collection to the next. Objects
// shared at A and at B reach every node exactly once, and the ring does not loop: each object
// crosses exactly two links (the third would return it to a node already in its provenance
// chain), and the transfer counts stay put once converged.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { indicator, listAll, postObjects, registerPeer, setupNode, startNode, tempRoot, waitFor, withNodeStores, type NodeDir, type RunningNode } from './helpers.js';

const NAMES = ['node-a', 'node-b', 'node-c'] as const;
let root: { dir: string; remove: () => Promise<void> };
const nodes: NodeDir[] = [];
const runs: RunningNode[] = [];

before(async () => {
  root = await tempRoot();
  for (const [i, name] of NAMES.entries()) {
    nodes.push(
      await setupNode(root.dir, {
        name,
        country: i === 1 ? 'JP' : 'IN',
        orgs: NAMES.filter((n) => n !== name).map((id) => ({ id, name: id })),
        collections: { ring: { title: 'ring', readOrgs: [...NAMES], writeOrgs: [...NAMES], defaultTlp: 'clear' } },
        tokens: { peer: { orgId: NAMES[(i + 2) % 3] as string, role: 'peer' }, writer: { orgId: name, role: 'analyst' } },
      }),
    );
  }
  runs.push(...(await Promise.all(nodes.map((n) => startNode(n.dir)))));
  for (const [i, node] of nodes.entries()) {
    const next = nodes[(i + 1) % 3] as NodeDir;
    const previous = nodes[(i + 2) % 3] as NodeDir;
    // The previous node pushes to me: know its key. I push to the next one.
    await registerPeer(node.dir, { name: previous.name, url: (runs[(i + 2) % 3] as RunningNode).discoveryUrl, orgId: previous.orgId, auth: { kind: 'none' }, publicKey: previous.publicKey });
    await registerPeer(node.dir, {
      name: `${next.name}-push`,
      url: (runs[(i + 1) % 3] as RunningNode).discoveryUrl,
      orgId: next.orgId,
      auth: { kind: 'token', token: next.tokens['peer'] ?? '' },
      publicKey: next.publicKey,
      push: [{ local: node.collections['ring'] ?? '', remote: next.collections['ring'] ?? '' }],
    });
  }
});

after(async () => {
  await Promise.all(runs.map((r) => r.stop()));
  await root.remove();
});

async function transfers(): Promise<number> {
  let total = 0;
  for (const node of nodes) {
    total += await withNodeStores(node.dir, async (_s, sync) => (await sync.listSubscriptions()).reduce((sum, s) => sum + s.transferred, 0));
  }
  return total;
}

test('A -> B -> C -> A converges with every object once per node and exactly two transfers per object', async () => {
  const fromA = Array.from({ length: 40 }, () => indicator());
  const fromB = Array.from({ length: 25 }, () => indicator());
  const [a, b] = nodes as [NodeDir, NodeDir, NodeDir];
  await postObjects((runs[0] as RunningNode).apiRoot, a.collections['ring'] ?? '', a.tokens['writer'] ?? '', fromA);
  await postObjects((runs[1] as RunningNode).apiRoot, b.collections['ring'] ?? '', b.tokens['writer'] ?? '', fromB);
  const all = new Set([...fromA, ...fromB].map((o) => String(o['id'])));
  for (const [i, node] of nodes.entries()) {
    const held = await waitFor(`${node.name} to hold all ${all.size}`, 30_000, async () => {
      const objects = await listAll((runs[i] as RunningNode).apiRoot, node.collections['ring'] ?? '', node.adminToken);
      return objects.length >= all.size ? objects : undefined;
    });
    const ids = held.map((o) => String(o['id']));
    assert.equal(new Set(ids).size, ids.length, `${node.name}: no duplicates`);
    assert.deepEqual(new Set(ids), all, `${node.name}: exactly the shared set`);
  }
  const settled = await waitFor('every push queue to drain', 20_000, async () => {
    for (const node of nodes) {
      const idle = await withNodeStores(node.dir, async (_s, sync) => {
        const subs = (await sync.listSubscriptions()).filter((s) => s.direction === 'push');
        const depths = await Promise.all(subs.map((s) => sync.countAddedAfter(s.localCollection, s.cursor)));
        return depths.every((d) => d === 0);
      });
      if (!idle) return undefined;
    }
    return transfers();
  });
  assert.equal(settled, 2 * all.size, 'each object crossed exactly two links');
  // Quiet for many poll intervals: nothing ping-pongs.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  assert.equal(await transfers(), settled);
});
