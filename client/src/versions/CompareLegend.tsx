/** What the marks of a comparison mean, drawn with the marks themselves. */
import { useI18n } from '../i18n/index.ts';

export function CompareLegend() {
  const { t } = useI18n();
  return (
    <p className="version-compare__legend">
      <ins className="version-diff version-diff--added">{t('versions.compare.legendAdded')}</ins>{' '}
      <del className="version-diff version-diff--removed">{t('versions.compare.legendRemoved')}</del>
    </p>
  );
}
