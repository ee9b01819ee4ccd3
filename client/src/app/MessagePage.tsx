import { useI18n } from '../i18n/index.ts';
import { Link } from './router.tsx';
import { useDocumentTitle } from './use-document-title.ts';

export function MessagePage({ title, body }: { title: string; body: string }) {
  const { t } = useI18n();
  useDocumentTitle(title);
  return (
    <section className="message-page">
      <h1 id="page-heading" tabIndex={-1}>
        {title}
      </h1>
      <p>{body}</p>
      <p>
        <Link href="/" className="button">
          {t('document.back')}
        </Link>
      </p>
    </section>
  );
}
