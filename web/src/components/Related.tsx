// The objects around this one (GET /api/v1/objects/{id}/related, depth 1): relationships, sightings
// and references in both directions, each a link to pivot to that object's page. Only what the
// caller may read is ever listed (the API decides it inside the query).
import { useTranslation } from 'react-i18next';
import { request } from '../api.js';
import { Link } from '../router.js';
import { PAGE_PATHS } from '../routes.js';
import type { Viewer } from '../session.js';
import { useLoad } from '../use-load.js';
import { LoadStatus } from './Status.js';

interface GraphNode {
  readonly id: string;
  readonly type: string;
  readonly name: string | null;
  readonly collection: string;
}
interface Graph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly { readonly source: string; readonly target: string; readonly label: string; readonly kind: string }[];
}

export function Related(props: { readonly viewer: Viewer; readonly objectId: string }) {
  const { t } = useTranslation();
  const { viewer, objectId } = props;
  const [graph] = useLoad(() => request<Graph>(viewer.credentials, `/api/v1/objects/${encodeURIComponent(objectId)}/related?depth=1`), [viewer, objectId]);
  const nodes = new Map(graph.state === 'ready' ? graph.value.nodes.map((n) => [n.id, n]) : []);
  const edges = graph.state === 'ready' ? graph.value.edges.filter((e) => e.source === objectId || e.target === objectId) : [];
  return (
    <section aria-labelledby="related-heading">
      <h2 id="related-heading">{t('object.related')}</h2>
      <LoadStatus load={graph} />
      {graph.state === 'ready' && edges.length === 0 ? <p className="muted">{t('object.noRelated')}</p> : null}
      {edges.length > 0 ? (
        <ul className="related" data-testid="related">
          {edges.map((edge, index) => {
            const outgoing = edge.source === objectId;
            const other = nodes.get(outgoing ? edge.target : edge.source);
            if (other === undefined) return null;
            return (
              <li key={index}>
                <span className="muted">{outgoing ? '→' : '←'}</span> <code>{edge.label}</code> <span className="pill">{other.type}</span>{' '}
                <Link to={PAGE_PATHS.object(other.collection, other.id)}>{other.name ?? other.id}</Link>
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
