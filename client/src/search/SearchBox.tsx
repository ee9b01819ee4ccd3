import { useEffect, useId, useState, type FormEvent } from 'react';
import { SEARCH_QUERY_MAX_LENGTH } from '@eprouvette/shared';
import { useI18n } from '../i18n/index.ts';
import { navigate, useRoute } from '../app/router.tsx';
import { paths } from '../app/routes.ts';
import './search.css';

/**
 * The header's search box: a search landmark whose form also works as a plain GET to the results
 * page. On the results page it shows the query being answered.
 */
export function SearchBox() {
  const { t } = useI18n();
  const route = useRoute();
  const inputId = useId();
  const answered = route.kind === 'search' ? route.query : '';
  const [query, setQuery] = useState(answered);
  useEffect(() => setQuery(answered), [answered]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    navigate(paths.search(query));
  };

  return (
    <form role="search" aria-label={t('search.label')} className="site-search" action={paths.search('')} method="get" onSubmit={submit}>
      <label htmlFor={inputId} className="visually-hidden">
        {t('search.input')}
      </label>
      <input
        id={inputId}
        className="site-search__input"
        type="search"
        name="q"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        placeholder={t('search.placeholder')}
        maxLength={SEARCH_QUERY_MAX_LENGTH}
        autoComplete="off"
        enterKeyHint="search"
        data-testid="search-input"
      />
      <button type="submit" className="button button--small site-search__submit" title={t('search.submit')}>
        <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
          <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M12.7 12.7 17 17" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
        <span className="visually-hidden">{t('search.submit')}</span>
      </button>
    </form>
  );
}
