// An object's versions (TAXII match[version]=all), newest first, the one shown marked; and what the
// shown version changed from the one before it.
import { useTranslation } from 'react-i18next';
import { formatTimestamp } from '../format.js';
import type { StixObject } from '../stix-object.js';
import { diffVersions } from '../version-diff.js';
import { PropertyValue } from './PropertyValue.js';

export function VersionHistory(props: {
  readonly versions: readonly StixObject[];
  readonly shown: number;
  readonly onShow: (index: number) => void;
  readonly collectionId: string;
}) {
  const { t, i18n } = useTranslation();
  const { versions, shown, collectionId } = props;
  const current = versions[shown];
  const previous = shown > 0 ? versions[shown - 1] : undefined;
  const changes = current !== undefined && previous !== undefined ? diffVersions(previous, current) : [];
  const label = (v: StixObject) => {
    const at = v.modified ?? v.created;
    return typeof at === 'string' ? formatTimestamp(at, i18n.language) : v.id;
  };
  return (
    <section aria-labelledby="versions-heading">
      <h2 id="versions-heading">{t('object.versions', { n: String(versions.length) })}</h2>
      <ol className="versions" reversed>
        {versions
          .map((v, index) => ({ v, index }))
          .reverse()
          .map(({ v, index }) => (
            <li key={index}>
              {index === shown ? (
                <strong aria-current="true">{label(v)}</strong>
              ) : (
                <button type="button" className="link-dark" onClick={() => props.onShow(index)}>
                  {label(v)}
                </button>
              )}
              {index === versions.length - 1 ? <span className="pill">{t('object.latest')}</span> : null}
            </li>
          ))}
      </ol>
      {previous === undefined ? null : (
        <>
          <h3>{t('object.changes')}</h3>
          {changes.length === 0 ? <p className="muted">{t('object.noChanges')}</p> : null}
          <table className="objects diff" data-testid="version-diff">
            <tbody>
              {changes.map((c) => (
                <tr key={c.property} className={`diff-${c.kind}`}>
                  <th scope="row">
                    <code>{c.property}</code>
                  </th>
                  <td>{c.kind === 'added' ? t('object.added') : c.kind === 'removed' ? t('object.removed') : t('object.changed')}</td>
                  <td>{c.kind === 'added' ? null : <PropertyValue name={c.property} value={c.before} collectionId={collectionId} />}</td>
                  <td>{c.kind === 'removed' ? null : <PropertyValue name={c.property} value={c.after} collectionId={collectionId} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
