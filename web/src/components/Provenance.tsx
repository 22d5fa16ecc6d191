// Where the object came from (GET /api/v1/objects/{id}): the node it originated on and each node that
// passed it on, and the collections holding a version the caller may read.
import { useTranslation } from 'react-i18next';
import { request } from '../api.js';
import type { Viewer } from '../session.js';
import { useLoad } from '../use-load.js';
import { LoadStatus } from './Status.js';

interface ObjectView {
  readonly collections: readonly string[];
  readonly provenance: { readonly originNode: string; readonly hops: readonly string[] } | null;
}

export function Provenance(props: { readonly viewer: Viewer; readonly objectId: string }) {
  const { t } = useTranslation();
  const { viewer, objectId } = props;
  const [view] = useLoad(() => request<ObjectView>(viewer.credentials, `/api/v1/objects/${encodeURIComponent(objectId)}`), [viewer, objectId]);
  return (
    <section aria-labelledby="provenance-heading" data-testid="provenance">
      <h2 id="provenance-heading">{t('object.provenance')}</h2>
      <LoadStatus load={view} />
      {view.state === 'ready' ? (
        <>
          {view.value.provenance === null ? (
            <p className="muted">{t('object.noProvenance')}</p>
          ) : (
            <p>
              {t('object.origin')} <code>{view.value.provenance.originNode}</code>
              {view.value.provenance.hops.length > 0 ? (
                <>
                  {' · '}
                  {t('object.hops')} {view.value.provenance.hops.map((hop) => <code key={hop}>{hop} </code>)}
                </>
              ) : null}
            </p>
          )}
          <p>
            {t('object.collections')}{' '}
            {view.value.collections.map((c) => (
              <code key={c}>{c} </code>
            ))}
          </p>
        </>
      ) : null}
    </section>
  );
}
