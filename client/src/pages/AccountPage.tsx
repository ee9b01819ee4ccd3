import type { MeView } from '@eprouvette/shared';
import { ChangePasswordForm } from '../account/ChangePasswordForm.tsx';
import { DeleteAccountForm } from '../account/DeleteAccountForm.tsx';
import { DownloadMyData } from '../account/DownloadMyData.tsx';
import { LogoutEverywhere } from '../account/LogoutEverywhere.tsx';
import { formatDay } from '../i18n/format.ts';
import { useI18n } from '../i18n/index.ts';
import { paths } from '../app/routes.ts';
import { useDocumentTitle } from '../app/use-document-title.ts';
import { BackLink } from '../ui/BackLink.tsx';

export function AccountPage({ me }: { me: MeView }) {
  const { t, lang } = useI18n();
  useDocumentTitle(t('accountPage.title'));
  return (
    <div className="account-page">
      <BackLink href={paths.dashboard}>{t('dashboard.back')}</BackLink>
      <h1 id="page-heading" tabIndex={-1}>
        {t('accountPage.title')}
      </h1>
      <div className="account-page__grid">
        <section className="card" aria-labelledby="identity-title">
          <h2 id="identity-title">{t('accountPage.identity')}</h2>
          <dl className="facts">
            <div className="facts__row">
              <dt>{t('account.name')}</dt>
              <dd>{me.name}</dd>
            </div>
            <div className="facts__row">
              <dt>{t('account.email')}</dt>
              <dd>{me.email}</dd>
            </div>
            <div className="facts__row">
              <dt>{t('account.organisation')}</dt>
              <dd>{me.organisation ? `${me.organisation.name} (${t(`organisation.type.${me.organisation.type}`)})` : '—'}</dd>
            </div>
            <div className="facts__row">
              <dt>{t('accountPage.since')}</dt>
              <dd>{formatDay(me.createdAt.slice(0, 10), lang)}</dd>
            </div>
            {me.platformAdmin && (
              <div className="facts__row">
                <dt>{t('accountPage.platform')}</dt>
                <dd>{t('accountPage.platformAdmin')}</dd>
              </div>
            )}
          </dl>
        </section>
        <ChangePasswordForm />
        <LogoutEverywhere me={me} />
        <DownloadMyData />
        <DeleteAccountForm me={me} />
      </div>
    </div>
  );
}
