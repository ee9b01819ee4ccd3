import { LoginForm } from '../auth/LoginForm.tsx';
import { signedIn } from '../auth/current-user.ts';
import { useI18n } from '../i18n/index.ts';
import { Link } from '../app/router.tsx';
import { paths } from '../app/routes.ts';
import { useDocumentTitle } from '../app/use-document-title.ts';
import { Notice } from '../ui/Notice.tsx';

/** Once signed in, the app takes the person back to `next` (or the dashboard). */
export function LoginPage({ next }: { next: string | null }) {
  const { t } = useI18n();
  useDocumentTitle(t('login.title'));
  return (
    <div className="auth-page">
      <section className="hero">
        <p className="hero__title">{t('app.name')}</p>
        <p className="hero__tagline">{t('app.tagline')}</p>
      </section>
      <section className="card auth-card" aria-labelledby="page-heading">
        <h1 id="page-heading" tabIndex={-1}>
          {t('login.title')}
        </h1>
        <Notice />
        <LoginForm onSignedIn={signedIn} />
        <p className="auth-card__switch">
          {t('login.noAccount')} <Link href={paths.signup(next)}>{t('login.toSignup')}</Link>
        </p>
      </section>
    </div>
  );
}
