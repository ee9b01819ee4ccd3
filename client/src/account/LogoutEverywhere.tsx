import { api, call } from '../api/client.ts';
import { signedOut } from '../auth/current-user.ts';
import { useAction } from '../forms/use-action.ts';
import { useI18n } from '../i18n/index.ts';
import { navigate } from '../app/router.tsx';
import { setNotice } from '../app/notice.ts';
import { paths } from '../app/routes.ts';
import { ActionAlert } from '../ui/ActionAlert.tsx';
import { ConfirmAction } from '../ui/ConfirmAction.tsx';

/** Ends every session of the account, this one included (a lost phone, a shared computer). */
export function LogoutEverywhere() {
  const { t } = useI18n();
  const action = useAction();
  const logout = () =>
    action.run(
      () => call(() => api.me['logout-everywhere'].$post()),
      () => {
        setNotice('accountPage.sessions.done');
        navigate(paths.login());
        signedOut();
      },
    );

  return (
    <section className="card" aria-labelledby="sessions-title">
      <h2 id="sessions-title">{t('accountPage.sessions.title')}</h2>
      <p>{t('accountPage.sessions.explain')}</p>
      <ActionAlert message={action.error} />
      <ConfirmAction
        label={t('accountPage.sessions.submit')}
        question={t('accountPage.sessions.question')}
        confirmLabel={t('accountPage.sessions.submit')}
        busy={action.busy}
        onConfirm={logout}
      />
    </section>
  );
}
