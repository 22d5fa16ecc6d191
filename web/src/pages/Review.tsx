// The outbound gate's review queue (GET /api/v1/review): objects held before they go to another
// jurisdiction, with why each was held. A node-admin approves (the redacted form is released) or
// rejects with a reason; both decisions are final and audited by the node.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '../api.js';
import { LoadStatus } from '../components/Status.js';
import { formatTimestamp } from '../format.js';
import { mayReview, type Viewer } from '../session.js';
import { useLoad } from '../use-load.js';

interface ReviewItem {
  readonly id: string;
  readonly destinationKind: string;
  readonly destinationId: string;
  readonly collectionId: string;
  readonly objectId: string;
  readonly objectType: string;
  readonly profile: string;
  readonly reasons: readonly { readonly message: string; readonly path?: string }[];
  readonly createdAt: string;
}

export function ReviewPage(props: { readonly viewer: Viewer }) {
  const { t } = useTranslation();
  const { viewer } = props;
  const [items, reload] = useLoad(
    async () => (mayReview(viewer) ? (await request<{ items: ReviewItem[] }>(viewer.credentials, '/api/v1/review?state=pending')).items : []),
    [viewer],
  );
  if (!mayReview(viewer)) {
    return (
      <main>
        <h1>{t('review.title')}</h1>
        <p className="muted">{t('review.notAllowed')}</p>
      </main>
    );
  }
  return (
    <main>
      <h1>{t('review.title')}</h1>
      <p className="muted">{t('review.intro')}</p>
      <LoadStatus load={items} />
      {items.state === 'ready' && items.value.length === 0 ? <p className="muted" data-testid="review-empty">{t('review.empty')}</p> : null}
      {items.state === 'ready' ? (
        <ul className="review-list">
          {items.value.map((item) => (
            <ReviewCard key={item.id} item={item} viewer={viewer} onDecided={reload} />
          ))}
        </ul>
      ) : null}
    </main>
  );
}

function ReviewCard(props: { readonly item: ReviewItem; readonly viewer: Viewer; readonly onDecided: () => void }) {
  const { t, i18n } = useTranslation();
  const { item, viewer } = props;
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<string | undefined>();
  const decide = async (decision: 'approve' | 'reject') => {
    setFailure(undefined);
    try {
      await request(viewer.credentials, `/api/v1/review/${encodeURIComponent(item.id)}/${decision}`, { method: 'POST', body: reason.trim() === '' ? {} : { note: reason.trim() } });
      props.onDecided();
    } catch (error) {
      setFailure(t('status.failed', { message: error instanceof Error ? error.message : String(error) }));
    }
  };
  return (
    <li className="card review-item" data-testid="review-item">
      <h2>
        <span className="pill">{item.objectType}</span> <code>{item.objectId}</code>
      </h2>
      <p>
        {t('review.destination', { kind: item.destinationKind, id: item.destinationId })} · {t('review.profile', { profile: item.profile })} ·{' '}
        <time dateTime={item.createdAt}>{formatTimestamp(item.createdAt, i18n.language)}</time>
      </p>
      <h3>{t('review.reasons')}</h3>
      <ul>
        {item.reasons.map((r, index) => (
          <li key={index}>
            {r.message} {r.path === undefined ? null : <code>{r.path}</code>}
          </li>
        ))}
      </ul>
      <label>
        {t('review.reason')}
        <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} name="reason" />
      </label>
      {failure === undefined ? null : <p className="error" role="alert">{failure}</p>}
      <div className="actions">
        <button type="button" onClick={() => void decide('approve')}>{t('review.approve')}</button>
        <button type="button" className="danger" disabled={reason.trim() === ''} onClick={() => void decide('reject')} title={t('review.rejectNeedsReason')}>
          {t('review.reject')}
        </button>
      </div>
    </li>
  );
}
