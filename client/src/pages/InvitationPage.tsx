import type { InvitationPreviewView, MeView } from '@eprouvette/shared';
import { api, call } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { LoginForm } from '../auth/LoginForm.tsx';
import { SignupForm } from '../auth/SignupForm.tsx';
import { signedIn } from '../auth/current-user.ts';
import { useAction } from '../forms/use-action.ts';
import { formatDateTime } from '../i18n/format.ts';
import { useI18n } from '../i18n/index.ts';
import { navigate } from '../app/router.tsx';
import { paths } from '../app/routes.ts';
import { useDocumentTitle } from '../app/use-document-title.ts';
import { ActionAlert } from '../ui/ActionAlert.tsx';
import { Loading, PageLoadFailure } from '../ui/LoadState.tsx';

/**
 * Where an invitation link lands: what it offers, then joining — at once when signed in, after
 * signing up or logging in otherwise — and on to the AMI with the link's role.
 */
export function InvitationPage({ token, me }: { token: string; me: MeView | null }) {
  const { t, lang } = useI18n();
  const { state, reload } = useApi(() => call(() => api.invitations[':token'].$get({ param: { token } })), [token]);
  const join = useAction();
  useDocumentTitle(t('invitation.title'));

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <PageLoadFailure failure={state.failure} retry={reload} />;
  const invitation: InvitationPreviewView = state.data;

  const accept = () =>
    join.run(
      () => call(() => api.invitations[':token'].accept.$post({ param: { token } })),
      ({ amiId }) => navigate(paths.ami(amiId)),
    );
  const afterSignIn = async (account: MeView) => {
    signedIn(account);
    await accept();
  };

  return (
    <div className="invitation-page">
      <section className="card invitation-card" aria-labelledby="page-heading">
        <p className="eyebrow">{t('invitation.eyebrow')}</p>
        <h1 id="page-heading" tabIndex={-1}>
          {invitation.amiTitle}
        </h1>
        <dl className="facts">
          <div className="facts__row">
            <dt>{t('invitation.domain')}</dt>
            <dd>{invitation.domain.name}</dd>
          </div>
          <div className="facts__row">
            <dt>{t('invitation.role')}</dt>
            <dd data-testid="invitation-role">{t(`role.${invitation.role}`)}</dd>
          </div>
          <div className="facts__row">
            <dt>{t('invitation.expiresAt')}</dt>
            <dd>{formatDateTime(invitation.expiresAt, lang)}</dd>
          </div>
        </dl>
        <p className="muted">{t(`invitation.roleExplained.${invitation.role}`)}</p>
        {!invitation.usable && (
          <p className="load-failure" role="alert">
            {invitation.reason ?? t('invitation.unusable')}
          </p>
        )}
        {invitation.usable && me && (
          <>
            <ActionAlert message={join.error} />
            <p>{t('invitation.signedInAs', { name: me.name })}</p>
            <button type="button" className="button" disabled={join.busy} onClick={() => void accept()}>
              {join.busy ? t('form.sending') : t('invitation.join')}
            </button>
          </>
        )}
      </section>
      {invitation.usable && !me && (
        <>
          <ActionAlert message={join.error} />
          <div className="invitation-page__forms">
            <section className="card" aria-labelledby="invitation-signup">
              <h2 id="invitation-signup">{t('invitation.signup')}</h2>
              <SignupForm onSignedUp={afterSignIn} />
            </section>
            <section className="card" aria-labelledby="invitation-login">
              <h2 id="invitation-login">{t('invitation.login')}</h2>
              <LoginForm onSignedIn={afterSignIn} />
            </section>
          </div>
        </>
      )}
    </div>
  );
}
