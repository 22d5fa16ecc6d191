// What a page shows while it loads or when loading failed.
import { useTranslation } from 'react-i18next';
import { RequestFailed } from '../api.js';
import type { Load } from '../use-load.js';

export function LoadStatus(props: { readonly load: Load<unknown> }) {
  const { t } = useTranslation();
  if (props.load.state === 'loading') return <p className="muted" role="status">{t('status.loading')}</p>;
  if (props.load.state === 'failed') {
    const error = props.load.error;
    const code = error instanceof RequestFailed ? error.code : undefined;
    return (
      <p className="error" role="alert">
        {t('status.failed', { message: error.message })}
        {code === undefined ? null : <code> {code}</code>}
      </p>
    );
  }
  return null;
}
