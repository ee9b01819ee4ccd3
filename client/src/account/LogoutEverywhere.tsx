import { api, call } from '../api/client.ts';
import type { MeView } from '@eprouvette/shared';
import { leave } from '../auth/leave.ts';
import { useAction } from '../forms/use-action.ts';
import { useI18n } from '../i18n/index.ts';
import { setNotice } from '../app/notice.ts';
import { ActionAlert } from '../ui/ActionAlert.tsx';
import { ConfirmAction } from '../ui/ConfirmAction.tsx';

/** Ends every session of the account, this one included (a lost phone, a shared computer). */
export function LogoutEverywhere({ me }: { me: MeView }) {
  const { t } = useI18n();
  const action = useAction();
  const logout = () =>
    action.run(
      () => call(() => api.me['logout-everywhere'].$post()),
      () => {
        setNotice('accountPage.sessions.done');
        leave(me.id);
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
