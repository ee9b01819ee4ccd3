import { SignupForm } from '../auth/SignupForm.tsx';
import { signedIn } from '../auth/current-user.ts';
import { useI18n } from '../i18n/index.ts';
import { Link } from '../app/router.tsx';
import { paths } from '../app/routes.ts';
import { useDocumentTitle } from '../app/use-document-title.ts';

export function SignupPage({ next }: { next: string | null }) {
  const { t } = useI18n();
  useDocumentTitle(t('signup.title'));
  return (
    <div className="auth-page">
      <section className="hero">
        <p className="hero__title">{t('app.name')}</p>
        <p className="hero__tagline">{t('signup.intro')}</p>
      </section>
      <section className="card auth-card" aria-labelledby="page-heading">
        <h1 id="page-heading" tabIndex={-1}>
          {t('signup.title')}
        </h1>
        <SignupForm onSignedUp={signedIn} />
        <p className="auth-card__switch">
          {t('signup.haveAccount')} <Link href={paths.login(next)}>{t('signup.toLogin')}</Link>
        </p>
      </section>
    </div>
  );
}
