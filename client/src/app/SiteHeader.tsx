import { useState } from 'react';
import type { MeView } from '@eprouvette/shared';
import { api, call } from '../api/client.ts';
import { leave } from '../auth/leave.ts';
import { LANGS, useI18n } from '../i18n/index.ts';
import { SearchBox } from '../search/SearchBox.tsx';
import { Link } from './router.tsx';
import { paths } from './routes.ts';

function Logo() {
  return (
    <svg className="brand__logo" viewBox="0 0 32 32" width="32" height="32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="currentColor" />
      <path
        d="M12 5h8M13.5 5v15.5a2.5 2.5 0 0 0 5 0V5"
        fill="none"
        stroke="#fff"
        strokeWidth="2.2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
      <path d="M13.5 15h5v5.5a2.5 2.5 0 0 1-5 0z" fill="#9be3d6" />
    </svg>
  );
}

function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.label')}>
      {LANGS.map((code) => (
        <button
          key={code}
          type="button"
          className="lang-switch__button"
          aria-pressed={lang === code}
          lang={code}
          title={t(code === 'fr' ? 'lang.fr.long' : 'lang.en.long')}
          onClick={() => setLang(code)}
        >
          {t(code === 'fr' ? 'lang.fr' : 'lang.en')}
        </button>
      ))}
    </div>
  );
}

function AccountMenu({ me }: { me: MeView }) {
  const { t } = useI18n();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const logout = async () => {
    setBusy(true);
    setFailure(null);
    const result = await call(() => api.auth.logout.$post());
    setBusy(false);
    if (!result.ok) return setFailure(result.failure.message);
    leave(me.id);
  };

  return (
    <div className="account-menu">
      <p className="account-menu__who" data-testid="signed-in-as">
        <span className="account-menu__name">{me.name}</span>
        {me.organisation && <span className="account-menu__org">{me.organisation.name}</span>}
      </p>
      <Link href={paths.templates} className="account-menu__link">
        {t('templates.nav')}
      </Link>
      <Link href={paths.account} className="account-menu__link">
        {t('header.account')}
      </Link>
      <button type="button" className="button button--secondary button--small" onClick={() => void logout()} disabled={busy}>
        {t('header.logout')}
      </button>
      <div role="alert" className="account-menu__alert">
        {failure}
      </div>
    </div>
  );
}

export function SiteHeader({ me }: { me: MeView | null }) {
  const { t } = useI18n();
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link href={paths.dashboard} className="brand" aria-label={t('app.homeLink')}>
          <Logo />
          <span className="brand__name">{t('app.name')}</span>
        </Link>
        {me && <SearchBox />}
        {me && <AccountMenu me={me} />}
        <LanguageSwitch />
      </div>
    </header>
  );
}
