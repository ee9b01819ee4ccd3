import { lazy, Suspense, useEffect, useRef } from 'react';
import type { MeView } from '@eprouvette/shared';
import { loadCurrentUser, useCurrentUser } from '../auth/current-user.ts';
import { useI18n } from '../i18n/index.ts';
import { AccountPage } from '../pages/AccountPage.tsx';
import { AmiFormPage } from '../pages/AmiFormPage.tsx';
import { AmiPage } from '../pages/AmiPage.tsx';
import { BoardCreatePage } from '../pages/BoardCreatePage.tsx';
import { BoardEditPage } from '../pages/BoardEditPage.tsx';
import { DashboardPage } from '../pages/DashboardPage.tsx';
import { InvitationPage } from '../pages/InvitationPage.tsx';
import { LoginPage } from '../pages/LoginPage.tsx';
import { SearchPage } from '../pages/SearchPage.tsx';
import { SignupPage } from '../pages/SignupPage.tsx';
import { Loading } from '../ui/LoadState.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { MessagePage } from './MessagePage.tsx';
import { currentPath, navigate, useRoute } from './router.tsx';
import { isPublicRoute, paths, type Route } from './routes.ts';
import { SiteHeader } from './SiteHeader.tsx';

// The live-document pages bring Yjs and the sync client: loaded when first opened, so that
// signing in and the dashboard do not wait for them.
const BoardPage = lazy(() => import('../pages/BoardPage.tsx').then((module) => ({ default: module.BoardPage })));
const AmiTextPage = lazy(() => import('../pages/AmiTextPage.tsx').then((module) => ({ default: module.AmiTextPage })));
// The evaluation, its forms and its exports concern a few people per AMI.
const EvaluationPage = lazy(() => import('../pages/EvaluationPage.tsx').then((module) => ({ default: module.EvaluationPage })));
// The template library draws previews with the board's SVG export: loaded when first opened too.
const TemplatesPage = lazy(() => import('../pages/TemplatesPage.tsx').then((module) => ({ default: module.TemplatesPage })));

/** Pages only shown signed in; the others get `me` when there is one. */
function SignedInPage({ route, me }: { route: Route; me: MeView }) {
  switch (route.kind) {
    case 'dashboard':
      return <DashboardPage me={me} />;
    case 'ami-new':
      return <AmiFormPage amiId={null} me={me} />;
    case 'ami':
      return <AmiPage key={route.amiId} amiId={route.amiId} />;
    case 'ami-edit':
      return <AmiFormPage key={route.amiId} amiId={route.amiId} me={me} />;
    case 'ami-text':
      return <AmiTextPage key={route.amiId} amiId={route.amiId} me={me} />;
    case 'evaluation':
      return <EvaluationPage key={route.amiId} amiId={route.amiId} boardId={route.boardId} />;
    case 'board-new':
      return <BoardCreatePage key={route.amiId} amiId={route.amiId} me={me} />;
    case 'board':
      return <BoardPage key={route.boardId} amiId={route.amiId} boardId={route.boardId} me={me} />;
    case 'board-edit':
      return <BoardEditPage key={route.boardId} amiId={route.amiId} boardId={route.boardId} />;
    case 'account':
      return <AccountPage me={me} />;
    case 'templates':
      return <TemplatesPage />;
    case 'search':
      return <SearchPage query={route.query} />;
    default:
      return null;
  }
}

function PublicPage({ route, me }: { route: Route; me: MeView | null }) {
  const { t } = useI18n();
  switch (route.kind) {
    case 'login':
      return <LoginPage next={route.next} />;
    case 'signup':
      return <SignupPage next={route.next} />;
    case 'invitation':
      return <InvitationPage key={route.token} token={route.token} me={me} />;
    default:
      return <MessagePage title={t('notFound.title')} body={t('notFound.body')} />;
  }
}

/**
 * The shell: header, main, footer, and who may see what. Signed out, a private page sends to the
 * login page and back afterwards; signed in, the login and sign-up pages send on.
 */
export function App() {
  const { lang, t } = useI18n();
  const route = useRoute();
  const user = useCurrentUser();
  const pageShown = useRef(false);
  const me = user.status === 'signed-in' ? user.me : null;
  const redirecting =
    (user.status === 'signed-out' && !isPublicRoute(route)) || (me !== null && (route.kind === 'login' || route.kind === 'signup'));
  const showsPage = user.status !== 'loading' && !redirecting;

  useEffect(() => {
    void loadCurrentUser();
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  useEffect(() => {
    if (!redirecting) return;
    if (me === null) navigate(paths.login(currentPath()), { replace: true });
    else if (route.kind === 'login' || route.kind === 'signup') navigate(route.next ?? paths.dashboard, { replace: true });
  }, [redirecting, me, route]);

  // After an in-app navigation, move focus to the new page's heading (screen readers, keyboard),
  // or to the page itself while its heading is loading. Until a first page was shown (loading,
  // the redirect to the login page) focus stays where the browser put it, as on any page load.
  useEffect(() => {
    if (pageShown.current) (document.getElementById('page-heading') ?? document.getElementById('main'))?.focus();
  }, [route]);
  useEffect(() => {
    if (showsPage) pageShown.current = true;
  }, [showsPage]);

  let content;
  if (!showsPage) content = <Loading />;
  else if (user.status === 'unknown') content = <MessagePage title={t('api.unreachable.title')} body={user.failure.message} retry={() => void loadCurrentUser()} />;
  else if (me !== null && !isPublicRoute(route)) content = <SignedInPage route={route} me={me} />;
  else content = <PublicPage route={route} me={me} />;

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <SiteHeader me={me} />
      <main id="main" className="container site-main" tabIndex={-1}>
        <ErrorBoundary>
          <Suspense fallback={<Loading />}>{content}</Suspense>
        </ErrorBoundary>
      </main>
      <footer className="site-footer">
        <div className="container">{t('app.footer')}</div>
      </footer>
    </>
  );
}
