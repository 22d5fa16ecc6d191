// One collection's objects, read with TAXII 2.1 Get Objects (what a partner's client reads), one page
// at a time: "more" follows the server's `next` cursor.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '../api.js';
import { LoadStatus } from '../components/Status.js';
import { TlpBadge } from '../components/TlpBadge.js';
import { formatTimestamp } from '../format.js';
import { Link } from '../router.js';
import { PAGE_PATHS } from '../routes.js';
import type { Viewer } from '../session.js';
import { changedAt, titleOf, type Envelope, type StixObject } from '../stix-object.js';
import { tlpLevelsOf } from '../tlp.js';
import type { Load } from '../use-load.js';

export const PAGE_SIZE = 25;

export function CollectionPage(props: { readonly viewer: Viewer; readonly collectionId: string }) {
  const { t, i18n } = useTranslation();
  const { viewer, collectionId } = props;
  const [objects, setObjects] = useState<readonly StixObject[]>([]);
  const [next, setNext] = useState<string | undefined>();
  const [load, setLoad] = useState<Load<null>>({ state: 'loading' });
  const base = `${viewer.apiRoot}collections/${encodeURIComponent(collectionId)}/objects/?limit=${PAGE_SIZE}`;

  // Only the newest request's answer is shown (another collection opened meanwhile drops the older).
  const latest = useRef(0);
  const readPage = async (cursor: string | undefined, replace: boolean) => {
    const round = ++latest.current;
    setLoad({ state: 'loading' });
    try {
      const page = await request<Envelope | undefined>(viewer.credentials, cursor === undefined ? base : `${base}&next=${encodeURIComponent(cursor)}`, { taxii: true });
      if (round !== latest.current) return;
      setObjects((earlier) => [...(replace ? [] : earlier), ...(page?.objects ?? [])]);
      setNext(page?.more === true ? page.next : undefined);
      setLoad({ state: 'ready', value: null });
    } catch (error) {
      if (round !== latest.current) return;
      setLoad({ state: 'failed', error: error instanceof Error ? error : new Error(String(error)) });
    }
  };

  useEffect(() => {
    void readPage(undefined, true);
  }, [viewer, collectionId]);

  return (
    <main>
      <p className="crumbs">
        <Link to={PAGE_PATHS.dashboard()}>{t('nav.dashboard')}</Link> / <code>{collectionId}</code>
      </p>
      <h1>{t('collection.title')}</h1>
      {load.state === 'ready' && objects.length === 0 ? <p className="muted">{t('collection.empty')}</p> : null}
      {objects.length > 0 ? (
        <table className="objects">
          <thead>
            <tr>
              <th scope="col">{t('collection.type')}</th>
              <th scope="col">{t('collection.object')}</th>
              <th scope="col">{t('collection.marking')}</th>
              <th scope="col">{t('collection.modified')}</th>
            </tr>
          </thead>
          <tbody>
            {objects.map((object) => {
              const at = changedAt(object);
              return (
                <tr key={`${object.id} ${at ?? ''}`}>
                  <td>
                    <span className="pill">{object.type}</span>
                  </td>
                  <td>
                    <Link to={PAGE_PATHS.object(collectionId, object.id)}>{titleOf(object)}</Link>
                  </td>
                  <td>{tlpLevelsOf(object).map((level) => <TlpBadge key={level} level={level} />)}</td>
                  <td>{at === undefined ? '' : <time dateTime={at}>{formatTimestamp(at, i18n.language)}</time>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      <LoadStatus load={load} />
      {next !== undefined && load.state === 'ready' ? (
        <button type="button" onClick={() => void readPage(next, false)}>
          {t('collection.more')}
        </button>
      ) : null}
    </main>
  );
}
