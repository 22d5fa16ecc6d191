// The search box of the top bar: on every page, it opens the search page for what was typed.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../router.js';
import { PAGE_PATHS } from '../routes.js';

export function SearchBar(props: { readonly initial: string }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState(props.initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (query.trim() !== '') navigate(PAGE_PATHS.search(query.trim()));
  };
  return (
    <form role="search" className="search" onSubmit={submit}>
      <input type="search" name="q" value={query} onChange={(e) => setQuery(e.target.value)} aria-label={t('search.label')} placeholder={t('search.placeholder')} />
      <button type="submit">{t('search.submit')}</button>
    </form>
  );
}
