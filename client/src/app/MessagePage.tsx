import { useI18n } from '../i18n/index.ts';
import { Link } from './router.tsx';
import { paths } from './routes.ts';
import { useDocumentTitle } from './use-document-title.ts';

/** A page that only says something: not found, or the server cannot be reached (with a retry). */
export function MessagePage({ title, body, retry }: { title: string; body: string; retry?: () => void }) {
  const { t } = useI18n();
  useDocumentTitle(title);
  return (
    <section className="message-page">
      <h1 id="page-heading" tabIndex={-1}>
        {title}
      </h1>
      <p>{body}</p>
      <p>
        {retry ? (
          <button type="button" className="button" onClick={retry}>
            {t('page.retry')}
          </button>
        ) : (
          <Link href={paths.dashboard} className="button">
            {t('notFound.back')}
          </Link>
        )}
      </p>
    </section>
  );
}
