// The newest sightings the caller may read (GET /api/v1/search?q=type:sighting, newest first), each
// a link to its page: what partners and sensors have seen lately.
import { useTranslation } from 'react-i18next';
import { request } from '../api.js';
import { formatTimestamp } from '../format.js';
import { Link } from '../router.js';
import { PAGE_PATHS } from '../routes.js';
import type { Viewer } from '../session.js';
import type { TlpLevel } from '../tlp.js';
import { useLoad } from '../use-load.js';
import { LoadStatus } from './Status.js';
import { TlpBadge } from './TlpBadge.js';

export const RECENT_SIGHTINGS = 5;

interface Found {
  readonly id: string;
  readonly collection: string;
  readonly name: string | null;
  readonly version: string | null;
  readonly tlp: TlpLevel;
}

export function RecentSightings(props: { readonly viewer: Viewer }) {
  const { t, i18n } = useTranslation();
  const { viewer } = props;
  const [found] = useLoad(
    async () => (await request<{ results: Found[] }>(viewer.credentials, `/api/v1/search?q=type%3Asighting&limit=${RECENT_SIGHTINGS}`)).results,
    [viewer],
  );
  return (
    <section aria-labelledby="sightings-heading">
      <h2 id="sightings-heading">{t('dashboard.sightings')}</h2>
      <LoadStatus load={found} />
      {found.state === 'ready' && found.value.length === 0 ? <p className="muted">{t('dashboard.noSightings')}</p> : null}
      {found.state === 'ready' && found.value.length > 0 ? (
        <ul className="related" data-testid="recent-sightings">
          {found.value.map((s) => (
            <li key={`${s.collection} ${s.id} ${s.version ?? ''}`}>
              {s.version === null ? null : <time dateTime={s.version}>{formatTimestamp(s.version, i18n.language)}</time>}{' '}
              <Link to={PAGE_PATHS.object(s.collection, s.id)}>{s.name ?? s.id}</Link> <TlpBadge level={s.tlp} />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
