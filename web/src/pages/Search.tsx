// Search results from GET /api/v1/search (values, field:value clauses, words) across what the caller
// may read, newest first, narrowed by TLP and STIX type when chosen; "show more" follows the
// answer's `next` cursor. Each result opens its object page in the collection that holds it.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '../api.js';
import { LoadStatus } from '../components/Status.js';
import { TlpBadge } from '../components/TlpBadge.js';
import { formatTimestamp } from '../format.js';
import { Link } from '../router.js';
import { PAGE_PATHS } from '../routes.js';
import type { Viewer } from '../session.js';
import { TLP_LEVELS, type TlpLevel } from '../tlp.js';
import type { Load } from '../use-load.js';

interface SearchResult {
  readonly id: string;
  readonly type: string;
  readonly version: string | null;
  readonly collection: string;
  readonly name: string | null;
  readonly tlp: TlpLevel;
  readonly matched: string;
}

export function SearchPage(props: { readonly viewer: Viewer; readonly query: string }) {
  const { t, i18n } = useTranslation();
  const { viewer, query } = props;
  const [results, setResults] = useState<readonly SearchResult[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [load, setLoad] = useState<Load<null>>({ state: 'loading' });
  const [tlp, setTlp] = useState('');
  const [type, setType] = useState('');

  // Only the newest request's answer is shown: a slower answer to an older query is dropped.
  const latest = useRef(0);
  const readPage = async (cursor: string | null, replace: boolean) => {
    const round = ++latest.current;
    setLoad({ state: 'loading' });
    try {
      const params = new URLSearchParams({ q: query, ...(tlp === '' ? {} : { tlp }), ...(type.trim() === '' ? {} : { type: type.trim() }), ...(cursor === null ? {} : { cursor }) });
      const page = await request<{ results: SearchResult[]; next: string | null }>(viewer.credentials, `/api/v1/search?${params.toString()}`);
      if (round !== latest.current) return;
      setResults((earlier) => [...(replace ? [] : earlier), ...page.results]);
      setNext(page.next);
      setLoad({ state: 'ready', value: null });
    } catch (error) {
      if (round !== latest.current) return;
      setLoad({ state: 'failed', error: error instanceof Error ? error : new Error(String(error)) });
    }
  };

  useEffect(() => {
    if (query.trim() !== '') void readPage(null, true);
  }, [viewer, query, tlp, type]);

  return (
    <main>
      <h1>{t('search.title')}</h1>
      {query.trim() === '' ? <p className="muted">{t('search.hint')}</p> : <p className="muted">{t('search.for', { query })}</p>}
      <div className="filters" role="group" aria-label={t('search.filters')}>
        <label>
          {t('search.tlp')}
          <select value={tlp} onChange={(e) => setTlp(e.target.value)} name="tlp">
            <option value="">{t('search.any')}</option>
            {TLP_LEVELS.map((level) => (
              <option key={level} value={level}>
                TLP:{level.toUpperCase()}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('search.type')}
          <input value={type} onChange={(e) => setType(e.target.value)} name="type" placeholder="indicator" />
        </label>
      </div>
      {query.trim() !== '' && load.state === 'ready' && results.length === 0 ? <p className="muted">{t('search.none')}</p> : null}
      {results.length > 0 ? (
        <ul className="results" data-testid="search-results">
          {results.map((r, index) => (
            <li key={`${r.collection} ${r.id} ${index}`} className="card">
              <span className="pill">{r.type}</span> <Link to={PAGE_PATHS.object(r.collection, r.id)}>{r.name ?? r.id}</Link> <TlpBadge level={r.tlp} />
              {r.version === null ? null : <time dateTime={r.version} className="muted"> {formatTimestamp(r.version, i18n.language)}</time>}
              <p className="muted">
                {t('search.matched')} <code>{r.matched}</code>
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      {query.trim() === '' ? null : <LoadStatus load={load} />}
      {next !== null && load.state === 'ready' ? (
        <button type="button" onClick={() => void readPage(next, false)}>
          {t('collection.more')}
        </button>
      ) : null}
    </main>
  );
}
