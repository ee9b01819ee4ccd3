import { useEffect, useRef } from 'react';
import { LANGS, useI18n } from '../i18n/index.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { HomePage } from './HomePage.tsx';
import { DocumentPage } from './DocumentPage.tsx';
import { MessagePage } from './MessagePage.tsx';
import { Link, useRoute } from './router.tsx';
import type { Route } from './routes.ts';

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

function Page({ route }: { route: Route }) {
  const { t } = useI18n();
  switch (route.kind) {
    case 'home':
      return <HomePage />;
    case 'document':
      return <DocumentPage key={route.name} name={route.name} />;
    case 'invalid-document':
      return <MessagePage title={t('document.invalid.title')} body={t('document.invalid.body')} />;
    case 'not-found':
      return <MessagePage title={t('notFound.title')} body={t('notFound.body')} />;
  }
}

export function App() {
  const { lang, t } = useI18n();
  const route = useRoute();
  const firstRender = useRef(true);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  // After an in-app navigation, move focus to the new page's heading (screen readers, keyboard).
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    document.getElementById('page-heading')?.focus();
  }, [route]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <div className="container site-header__inner">
          <Link href="/" className="brand" aria-label={t('app.homeLink')}>
            <Logo />
            <span className="brand__name">{t('app.name')}</span>
          </Link>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" className="container site-main" tabIndex={-1}>
        <ErrorBoundary>
          <Page route={route} />
        </ErrorBoundary>
      </main>
      <footer className="site-footer">
        <div className="container">{t('app.footer')}</div>
      </footer>
    </>
  );
}
