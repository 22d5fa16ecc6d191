import { useTranslation } from 'react-i18next';
import type { TlpLevel } from '../tlp.js';

export function TlpBadge(props: { readonly level: TlpLevel }) {
  const { t } = useTranslation();
  return (
    <span className={`tlp tlp-${props.level.replace('+', '-')}`} title={t('tlp.title')}>
      TLP:{props.level.toUpperCase()}
    </span>
  );
}
