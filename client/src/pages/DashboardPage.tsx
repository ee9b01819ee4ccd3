import type { MeView } from '@eprouvette/shared';
import { api, call } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { AddDomainForm } from '../amis/AddDomainForm.tsx';
import { AmiCard } from '../amis/AmiCard.tsx';
import { groupByDomain } from '../amis/group-by-domain.ts';
import { useI18n } from '../i18n/index.ts';
import { Link } from '../app/router.tsx';
import { paths } from '../app/routes.ts';
import { useDocumentTitle } from '../app/use-document-title.ts';
import { LoadFailure, Loading } from '../ui/LoadState.tsx';
import { Notice } from '../ui/Notice.tsx';

/** My AMIs, grouped by domain. */
export function DashboardPage({ me }: { me: MeView }) {
  const { t } = useI18n();
  const { state, reload } = useApi(() => call(() => api.amis.$get()), []);
  useDocumentTitle(t('dashboard.title'));

  return (
    <div className="dashboard">
      <div className="page-header">
        <h1 id="page-heading" tabIndex={-1}>
          {t('dashboard.title')}
        </h1>
        {me.platformAdmin && (
          <Link href={paths.amiNew} className="button">
            {t('dashboard.newAmi')}
          </Link>
        )}
      </div>
      <Notice />
      {state.status === 'loading' && <Loading />}
      {state.status === 'failed' && <LoadFailure failure={state.failure} retry={reload} />}
      {state.status === 'ready' && state.data.length === 0 && (
        <div className="card empty">
          <p>{me.platformAdmin ? t('dashboard.empty.admin') : t('dashboard.empty')}</p>
        </div>
      )}
      {state.status === 'ready' &&
        groupByDomain(state.data).map((group) => (
          <section key={group.domain.slug} className="domain-group" aria-labelledby={`domain-${group.domain.slug}`}>
            <h2 id={`domain-${group.domain.slug}`} className="domain-group__title">
              {group.domain.name}
            </h2>
            <ul className="ami-grid">
              {group.amis.map((ami) => (
                <li key={ami.id}>
                  <AmiCard ami={ami} />
                </li>
              ))}
            </ul>
          </section>
        ))}
      {me.platformAdmin && <AddDomainForm />}
    </div>
  );
}
