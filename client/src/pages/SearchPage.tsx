import type { SearchResultsView } from '@eprouvette/shared';
import { searchQuerySchema } from '@eprouvette/shared';
import { api, call, type ApiResult } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { useI18n, type Translate } from '../i18n/index.ts';
import { useDocumentTitle } from '../app/use-document-title.ts';
import { SearchHit } from '../search/SearchHit.tsx';
import { LoadFailure } from '../ui/LoadState.tsx';
import '../search/search.css';

/** A query that cannot be sent, with why (too short, too long), checked with the server's schema. */
function queryProblem(query: string): string | null {
  const parsed = searchQuerySchema.safeParse({ q: query });
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? null);
}

function countSentence(view: SearchResultsView, t: Translate): string {
  if (view.count === 0) return t('search.count.none', { query: view.query });
  return view.count === 1 ? t('search.count.one', { query: view.query }) : t('search.count.other', { count: view.count, query: view.query });
}

/**
 * « /recherche?q=… »: what the user may see that matches, grouped by AMI. The number of results is
 * announced (a status region that stays on the page from one search to the next).
 */
export function SearchPage({ query }: { query: string }) {
  const { t } = useI18n();
  const problem = query === '' ? null : queryProblem(query);
  const { state, reload } = useApi(
    (): Promise<ApiResult<SearchResultsView | null>> =>
      query === '' || problem !== null ? Promise.resolve({ ok: true, data: null }) : call(() => api.search.$get({ query: { q: query } })),
    [query],
  );
  useDocumentTitle(query === '' ? t('search.heading') : t('search.documentTitle', { query }));
  const view = state.status === 'ready' ? state.data : null;

  return (
    <div className="search-page">
      <div className="page-header">
        <h1 id="page-heading" tabIndex={-1}>
          {t('search.heading')}
        </h1>
      </div>
      <p className="search-page__status" role="status" data-testid="search-status">
        {state.status === 'loading' ? t('search.searching') : view !== null ? countSentence(view, t) : ''}
      </p>
      {query === '' && <p className="card search-page__prompt">{t('search.prompt')}</p>}
      {problem !== null && (
        <p className="notice notice--info" role="alert">
          {problem}
        </p>
      )}
      {state.status === 'failed' && <LoadFailure failure={state.failure} retry={reload} />}
      {view !== null && view.count === 0 && <p className="card search-page__prompt">{t('search.noneHint')}</p>}
      {view?.truncated === true && <p className="notice notice--info">{t('search.truncated', { count: view.count })}</p>}
      {view?.groups.map((group) => (
        <section key={group.ami.id} className="search-group" aria-labelledby={`search-group-${group.ami.id}`}>
          <h2 id={`search-group-${group.ami.id}`} className="search-group__title">
            {t('search.group', { title: group.ami.title })}
            <span className="search-group__count">
              {group.hits.length === 1 ? t('search.group.count.one') : t('search.group.count.other', { count: group.hits.length })}
            </span>
          </h2>
          <ol className="search-group__hits">
            {group.hits.map((hit, index) => (
              <SearchHit key={index} amiId={group.ami.id} hit={hit} />
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
