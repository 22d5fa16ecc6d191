// The first page: this node, the caller's view of it (objects it may read), the collections it may
// see, for roles that decide how many objects wait in the review queue, the newest sightings, and
// for a node-admin its peers' health and lag.
import { useTranslation } from 'react-i18next';
import { request } from '../api.js';
import { PeersHealth } from '../components/PeersHealth.js';
import { RecentSightings } from '../components/RecentSightings.js';
import { LoadStatus } from '../components/Status.js';
import { TlpBadge } from '../components/TlpBadge.js';
import { formatNumber } from '../format.js';
import { Link } from '../router.js';
import { PAGE_PATHS } from '../routes.js';
import { mayReview, type Viewer } from '../session.js';
import { TLP_LEVELS, type TlpLevel } from '../tlp.js';
import { useLoad } from '../use-load.js';

export interface CollectionRecord {
  readonly id: string;
  readonly title: string;
  readonly description: string | null;
  readonly defaultTlp?: string;
  readonly public?: boolean;
}

const asTlp = (value: string | undefined): TlpLevel => (TLP_LEVELS as readonly string[]).includes(value ?? '') ? (value as TlpLevel) : 'green';

export function DashboardPage(props: { readonly viewer: Viewer }) {
  const { t, i18n } = useTranslation();
  const { viewer } = props;
  const [collections] = useLoad(() => request<{ collections: CollectionRecord[] }>(viewer.credentials, '/api/v1/collections'), [viewer]);
  const [pending] = useLoad(
    async () => (mayReview(viewer) ? (await request<{ items: unknown[] }>(viewer.credentials, '/api/v1/review?state=pending&limit=1000')).items.length : undefined),
    [viewer],
  );
  return (
    <main>
      <h1>{t('dashboard.title')}</h1>
      <section className="tiles" aria-label={t('dashboard.summary')}>
        <div className="tile">
          <span className="tile-label">{t('dashboard.node')}</span>
          <strong>{viewer.nodeName}</strong>
          <span className="muted">{viewer.country}</span>
        </div>
        <div className="tile">
          <span className="tile-label">{t('dashboard.objects')}</span>
          <strong data-testid="object-count">{formatNumber(viewer.objects, i18n.language)}</strong>
        </div>
        <div className="tile">
          <span className="tile-label">{t('dashboard.collections')}</span>
          <strong>{collections.state === 'ready' ? formatNumber(collections.value.collections.length, i18n.language) : '…'}</strong>
        </div>
        {pending.state === 'ready' && pending.value !== undefined ? (
          <div className="tile">
            <span className="tile-label">{t('dashboard.pendingReview')}</span>
            <strong>{formatNumber(pending.value, i18n.language)}</strong>
            <Link to={PAGE_PATHS.review()}>{t('dashboard.openReview')}</Link>
          </div>
        ) : null}
      </section>
      <h2>{t('collections.title')}</h2>
      <LoadStatus load={collections} />
      {collections.state === 'ready' && collections.value.collections.length === 0 ? <p className="muted">{t('collections.none')}</p> : null}
      {collections.state === 'ready' ? (
        <ul className="collection-list">
          {collections.value.collections.map((c) => (
            <li key={c.id} className="card">
              <Link to={PAGE_PATHS.collection(c.id)}>{c.title}</Link>
              {c.description === null ? null : <p>{c.description}</p>}
              <p className="muted">
                {t('collections.defaultTlp')} <TlpBadge level={asTlp(c.defaultTlp)} /> {c.public === true ? <span className="pill">{t('collections.public')}</span> : null}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      <RecentSightings viewer={viewer} />
      {mayReview(viewer) ? <PeersHealth viewer={viewer} /> : null}
    </main>
  );
}
