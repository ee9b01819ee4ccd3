import type { PublicationView } from '@eprouvette/shared';
import { formatDateTime } from '../i18n/format.ts';
import { useI18n } from '../i18n/index.ts';

/** Whether the results are out, and for whom the ranking is until then. */
export function PublicationLine({ publication, admin }: { publication: PublicationView | null; admin: boolean }) {
  const { t, lang } = useI18n();
  if (publication !== null) {
    return (
      <p className="evaluation-publication evaluation-publication--published" data-testid="evaluation-publication">
        {t('evaluation.published', { date: formatDateTime(publication.at, lang), name: publication.by ?? t('evaluation.publishedBy.unknown') })}
      </p>
    );
  }
  return (
    <p className="evaluation-publication" data-testid="evaluation-publication">
      {t(admin ? 'evaluation.unpublished' : 'evaluation.unpublished.short')}
    </p>
  );
}
