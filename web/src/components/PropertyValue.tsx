// One STIX property value, readably: timestamps in the viewer's zone and language, patterns laid
// out, TLP markings as badges, references as links to the referenced object in the same collection,
// lists and nested objects (extensions, kill chain phases, hashes) as nested lists.
import { useTranslation } from 'react-i18next';
import { formatNumber, formatTimestamp, isTimestamp } from '../format.js';
import { layoutPattern } from '../pattern-layout.js';
import { Link } from '../router.js';
import { PAGE_PATHS } from '../routes.js';
import { tlpOf } from '../tlp.js';
import { TlpBadge } from './TlpBadge.js';

const REF = /^[a-z0-9-]+--[0-9a-f-]{36}$/;

export function PropertyValue(props: { readonly name: string; readonly value: unknown; readonly collectionId: string }) {
  const { t, i18n } = useTranslation();
  const { name, value, collectionId } = props;
  if (name === 'pattern' && typeof value === 'string') return <pre className="pattern">{layoutPattern(value)}</pre>;
  if (isTimestamp(value)) {
    return (
      <time dateTime={value} title={value}>
        {formatTimestamp(value, i18n.language)}
      </time>
    );
  }
  // The object's own id needs no link to itself.
  if (name === 'id' && typeof value === 'string') return <code>{value}</code>;
  if (typeof value === 'string' && REF.test(value)) {
    const tlp = tlpOf(value);
    if (tlp !== undefined) return <TlpBadge level={tlp} />;
    return (
      <Link to={PAGE_PATHS.object(collectionId, value)} className="ref">
        {value}
      </Link>
    );
  }
  if (typeof value === 'string') return <span className="text">{value}</span>;
  if (typeof value === 'number') return <span>{formatNumber(value, i18n.language)}</span>;
  if (typeof value === 'boolean') return <span>{value ? t('value.yes') : t('value.no')}</span>;
  if (Array.isArray(value)) {
    return (
      <ul className="values">
        {value.map((item, index) => (
          <li key={index}>
            <PropertyValue name={name} value={item} collectionId={collectionId} />
          </li>
        ))}
      </ul>
    );
  }
  if (value !== null && typeof value === 'object') {
    return (
      <dl className="nested">
        {Object.entries(value).map(([key, inner]) => (
          <div key={key}>
            <dt>
              <code>{key}</code>
            </dt>
            <dd>
              <PropertyValue name={key} value={inner} collectionId={collectionId} />
            </dd>
          </div>
        ))}
      </dl>
    );
  }
  return <span className="muted">{t('value.none')}</span>;
}
