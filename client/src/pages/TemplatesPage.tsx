/**
 * « Bibliothèque de modèles » (/modeles): the templates published from successful boards, for every
 * signed-in user, filtered by domain and technology, each with its origin and a preview.
 */
import { useId, useState } from 'react';
import type { DomainView, TechnologyTag, TemplateSummaryView } from '@eprouvette/shared';
import { TECHNOLOGY_TAGS } from '@eprouvette/shared';
import { api, call, type ApiResult } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { paths } from '../app/routes.ts';
import { useDocumentTitle } from '../app/use-document-title.ts';
import { countKey } from '../board/workshop/plural.ts';
import { useI18n } from '../i18n/index.ts';
import { TemplateCard } from '../templates/TemplateCard.tsx';
import { BackLink } from '../ui/BackLink.tsx';
import { LoadFailure, Loading, PageLoadFailure } from '../ui/LoadState.tsx';
import '../templates/templates.css';

interface Filters {
  domain: string;
  tag: TechnologyTag | '';
}

export function TemplatesPage() {
  const { t } = useI18n();
  const ids = { domain: useId(), tag: useId() };
  const [filters, setFilters] = useState<Filters>({ domain: '', tag: '' });
  const [deleted, setDeleted] = useState<string | null>(null);
  useDocumentTitle(t('templates.page.title'));
  const domains = useApi(() => call(() => api.domains.$get()), []);
  const templates = useApi(
    (): Promise<ApiResult<TemplateSummaryView[]>> =>
      call(() => api.templates.$get({ query: { ...(filters.domain !== '' && { domain: filters.domain }), ...(filters.tag !== '' && { tag: filters.tag }) } })),
    [filters.domain, filters.tag],
  );

  if (domains.state.status === 'loading') return <Loading />;
  if (domains.state.status === 'failed') return <PageLoadFailure failure={domains.state.failure} retry={domains.reload} />;
  const filtered = filters.domain !== '' || filters.tag !== '';

  return (
    <div className="templates-page">
      <BackLink href={paths.dashboard}>{t('dashboard.back')}</BackLink>
      <header className="page-header page-header--stacked">
        <h1 id="page-heading" tabIndex={-1}>
          {t('templates.page.title')}
        </h1>
        <p className="muted templates-page__intro">{t('templates.page.intro')}</p>
      </header>
      <div className="templates-page__filters card">
        <div className="field">
          <label className="field__label" htmlFor={ids.domain}>
            {t('templates.filter.domain')}
          </label>
          <select id={ids.domain} className="field__input" value={filters.domain} onChange={(event) => setFilters({ ...filters, domain: event.target.value })}>
            <option value="">{t('templates.filter.allDomains')}</option>
            {domains.state.data.map((domain: DomainView) => (
              <option key={domain.slug} value={domain.slug}>
                {domain.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={ids.tag}>
            {t('templates.filter.tag')}
          </label>
          <select id={ids.tag} className="field__input" value={filters.tag} onChange={(event) => setFilters({ ...filters, tag: event.target.value as Filters['tag'] })}>
            <option value="">{t('templates.filter.allTags')}</option>
            {TECHNOLOGY_TAGS.map((tag) => (
              <option key={tag} value={tag}>
                {t(`tag.${tag}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="visually-hidden" role="status">
        {deleted}
      </p>
      <section aria-labelledby="templates-list-title">
        <h2 id="templates-list-title" className="visually-hidden">
          {t('templates.list')}
        </h2>
        {templates.state.status === 'loading' && <Loading />}
        {templates.state.status === 'failed' && <LoadFailure failure={templates.state.failure} retry={templates.reload} />}
        {templates.state.status === 'ready' && (
          <>
            <p className="muted" aria-live="polite">
              {templates.state.data.length === 0
                ? t(filtered ? 'templates.emptyFiltered' : 'templates.empty')
                : t(countKey(templates.state.data.length, { one: 'templates.count.one', other: 'templates.count.other' }), { count: templates.state.data.length })}
            </p>
            <div className="templates-page__list">
              {templates.state.data.map((template) => (
                <TemplateCard
                  key={template.id}
                  template={template}
                  onDeleted={(gone) => {
                    setDeleted(t('templates.deleted', { title: gone.title }));
                    if (templates.state.status === 'ready') templates.replace(templates.state.data.filter((kept) => kept.id !== gone.id));
                  }}
                />
              ))}
            </div>
          </>
        )}
      </section>
    </div>
  );
}
