import { useState } from 'react';
import { ActivityFeed } from '../activity/ActivityFeed.tsx';
import { api, call } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { AmiBoardList } from '../amis/AmiBoardList.tsx';
import { AmiFacts } from '../amis/AmiFacts.tsx';
import { AmiInvitations } from '../amis/AmiInvitations.tsx';
import { AmiMembers } from '../amis/AmiMembers.tsx';
import { AmiStatusPanel } from '../amis/AmiStatusPanel.tsx';
import { DeleteAmiPanel } from '../amis/DeleteAmiPanel.tsx';
import { useI18n } from '../i18n/index.ts';
import { Link } from '../app/router.tsx';
import { paths } from '../app/routes.ts';
import { useDocumentTitle } from '../app/use-document-title.ts';
import { BackLink } from '../ui/BackLink.tsx';
import { Loading, PageLoadFailure } from '../ui/LoadState.tsx';
import { StatusBadge } from '../ui/StatusBadge.tsx';

/** An AMI: what it is, its status, its boards and text, and — for its admins — members and links. */
export function AmiPage({ amiId }: { amiId: string }) {
  const { t } = useI18n();
  const { state, reload, replace } = useApi(() => call(() => api.amis[':amiId'].$get({ param: { amiId } })), [amiId]);
  // Revoking a link removes members: the member list reloads when this changes.
  const [membersVersion, setMembersVersion] = useState(0);
  useDocumentTitle(state.status === 'ready' ? state.data.title : null);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <PageLoadFailure failure={state.failure} retry={reload} />;
  const ami = state.data;
  const allowed = new Set(ami.allowed);

  return (
    <div className="ami-page">
      <BackLink href={paths.dashboard}>{t('dashboard.back')}</BackLink>
      <header className="page-header page-header--stacked">
        <p className="eyebrow">{ami.domain.name}</p>
        <h1 id="page-heading" tabIndex={-1}>
          {ami.title}
        </h1>
        <p className="page-header__meta">
          <StatusBadge status={ami.status} />
          <span className="role">{t('role.yours', { role: t(`role.${ami.role}`) })}</span>
        </p>
        <div className="button-row">
          {allowed.has('amiText.view') && (
            <Link href={paths.amiText(ami.id)} className="button button--secondary">
              {t('ami.text.open')}
            </Link>
          )}
          <Link href={paths.evaluation(ami.id)} className="button button--secondary">
            {t('evaluation.open')}
          </Link>
          {allowed.has('ami.edit') && (
            <Link href={paths.amiEdit(ami.id)} className="button button--secondary">
              {t('ami.edit')}
            </Link>
          )}
        </div>
      </header>

      <div className="ami-page__grid">
        <div className="ami-page__main">
          <section className="card" aria-labelledby="summary-title">
            <h2 id="summary-title">{t('ami.summary')}</h2>
            {ami.summary ? <p className="summary">{ami.summary}</p> : <p className="muted">{t('ami.summary.none')}</p>}
            <AmiFacts ami={ami} />
          </section>
          <AmiBoardList ami={ami} />
          {allowed.has('ami.manageMembers') && <AmiMembers ami={ami} version={membersVersion} />}
          {allowed.has('ami.manageInvitations') && <AmiInvitations ami={ami} onRevoked={() => setMembersVersion((value) => value + 1)} />}
          {allowed.has('ami.delete') && <DeleteAmiPanel ami={ami} />}
        </div>
        <aside className="ami-page__side">
          <AmiStatusPanel ami={ami} onChanged={replace} />
          {/* Read again after a status change, which it reports. */}
          <ActivityFeed key={ami.status} ami={ami} />
        </aside>
      </div>
    </div>
  );
}
