// One object, read with TAXII 2.1 Get An Object (every version the caller may read, with
// match[version]=all): the latest version's properties shown readably, the objects around it to
// pivot to, its version history with what each version changed, and its provenance.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '../api.js';
import { PropertyValue } from '../components/PropertyValue.js';
import { Provenance } from '../components/Provenance.js';
import { Related } from '../components/Related.js';
import { LoadStatus } from '../components/Status.js';
import { TlpBadge } from '../components/TlpBadge.js';
import { VersionHistory } from '../components/VersionHistory.js';
import { Link } from '../router.js';
import { PAGE_PATHS } from '../routes.js';
import type { Viewer } from '../session.js';
import { titleOf, type Envelope } from '../stix-object.js';
import { tlpLevelsOf } from '../tlp.js';
import { useLoad } from '../use-load.js';
import { oldestFirst } from '../version-diff.js';

export function ObjectPage(props: { readonly viewer: Viewer; readonly collectionId: string; readonly objectId: string }) {
  const { t } = useTranslation();
  const { viewer, collectionId, objectId } = props;
  const path = `${viewer.apiRoot}collections/${encodeURIComponent(collectionId)}/objects/${encodeURIComponent(objectId)}/?match[version]=all`;
  const [load] = useLoad(async () => oldestFirst((await request<Envelope | undefined>(viewer.credentials, path, { taxii: true }))?.objects ?? []), [viewer, path]);
  const versions = load.state === 'ready' ? load.value : [];
  const [chosen, setChosen] = useState<number | undefined>();
  const shown = chosen ?? versions.length - 1;
  const object = versions[shown];
  return (
    <main>
      <p className="crumbs">
        <Link to={PAGE_PATHS.dashboard()}>{t('nav.dashboard')}</Link> / <Link to={PAGE_PATHS.collection(collectionId)}>{t('collection.title')}</Link> / <code>{objectId}</code>
      </p>
      <LoadStatus load={load} />
      {load.state === 'ready' && object === undefined ? <p className="muted">{t('object.notFound')}</p> : null}
      {object === undefined ? null : (
        <article>
          <h1>
            <span className="pill">{object.type}</span> {titleOf(object)}
          </h1>
          <p>{tlpLevelsOf(object).length === 0 ? <span className="muted">{t('object.noMarking')}</span> : tlpLevelsOf(object).map((level) => <TlpBadge key={level} level={level} />)}</p>
          <h2>{t('object.properties')}</h2>
          <dl className="properties">
            {Object.entries(object).map(([name, value]) => (
              <div key={name}>
                <dt>
                  <code>{name}</code>
                </dt>
                <dd>
                  <PropertyValue name={name} value={value} collectionId={collectionId} />
                </dd>
              </div>
            ))}
          </dl>
          <Related viewer={viewer} objectId={objectId} />
          <VersionHistory versions={versions} shown={shown} onShow={setChosen} collectionId={collectionId} />
          <Provenance viewer={viewer} objectId={objectId} />
        </article>
      )}
    </main>
  );
}
