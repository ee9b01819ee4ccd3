import { useEffect } from 'react';
import { t } from '../i18n/index.ts';

/** Sets `document.title` to « <page> — Éprouvette », or « Éprouvette » alone without a page. */
export function useDocumentTitle(page: string | null): void {
  useEffect(() => {
    document.title = page ? `${page} — ${t('app.name')}` : t('app.name');
  }, [page]);
}
