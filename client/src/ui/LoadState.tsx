import type { ApiFailure } from '../api/errors.ts';
import { useI18n } from '../i18n/index.ts';
import { useDocumentTitle } from '../app/use-document-title.ts';

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      {t('page.loading')}
    </p>
  );
}

/** Data that could not be loaded inside a page: the reason in plain words and a retry. */
export function LoadFailure({ failure, retry }: { failure: ApiFailure; retry: () => void }) {
  const { t } = useI18n();
  return (
    <div className="load-failure" role="alert">
      <p>{failure.message}</p>
      {failure.status !== 404 && (
        <button type="button" className="button button--secondary" onClick={retry}>
          {t('page.retry')}
        </button>
      )}
    </div>
  );
}

/** A page whose own data could not be loaded: it gets a heading saying so. */
export function PageLoadFailure({ failure, retry }: { failure: ApiFailure; retry: () => void }) {
  const { t } = useI18n();
  const title = failure.status === 404 ? t('notFound.title') : t('page.failed');
  useDocumentTitle(title);
  return (
    <section className="message-page">
      <h1 id="page-heading" tabIndex={-1}>
        {title}
      </h1>
      <LoadFailure failure={failure} retry={retry} />
    </section>
  );
}
