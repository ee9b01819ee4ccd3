/**
 * The results as the exports lay them out, in the reader's language: the ranking's columns and one
 * row per proposal, numbers left as numbers (each format writes them its way).
 */
import type { CsvCell, RankedProposalView, Recommendation, ResultsView } from '@eprouvette/shared';
import { RECOMMENDATIONS } from '@eprouvette/shared';
import { fileDate, fileSafeTitle } from '../../board/export/file-name.ts';
import { t, type Lang } from '../../i18n/index.ts';

export const recommendationLabel = (recommendation: Recommendation, lang: Lang) => t(`evaluation.recommendation.${recommendation}`, undefined, lang);

/** « non classée » for a proposal nobody scored. */
export const rankLabel = (row: RankedProposalView, lang: Lang): string => (row.rank === null ? t('evaluation.ranking.unranked', undefined, lang) : String(row.rank));

/** Every column of the spreadsheet: the ranking, then each criterion's average. */
export function resultsTable(results: ResultsView, lang: Lang): CsvCell[][] {
  const label = (key: Parameters<typeof t>[0]) => t(key, undefined, lang);
  const header: CsvCell[] = [
    label('evaluation.ranking.rank'),
    label('evaluation.ranking.proposal'),
    label('evaluation.ranking.organisation'),
    label('evaluation.ranking.mean'),
    label('evaluation.ranking.stdDev'),
    label('evaluation.ranking.min'),
    label('evaluation.ranking.max'),
    label('evaluation.ranking.experts'),
    ...RECOMMENDATIONS.map((recommendation) => recommendationLabel(recommendation, lang)),
    ...results.criteria.map((criterion) => t('evaluation.criteria.column', { label: criterion.label }, lang)),
  ];
  const rows = results.ranking.map((row): CsvCell[] => [
    row.rank ?? rankLabel(row, lang),
    row.title,
    row.organisation,
    row.mean,
    row.spread?.stdDev ?? null,
    row.spread?.min ?? null,
    row.spread?.max ?? null,
    row.experts,
    ...RECOMMENDATIONS.map((recommendation) => row.recommendations[recommendation]),
    ...row.criteria.map((criterion) => criterion.mean),
  ]);
  return [header, ...rows];
}

export type ResultsExtension = 'csv' | 'pdf';

/** « Évaluation – <titre de l’AMI> – <jour>.csv »: next to the AMI's other exports. */
export function resultsFileName(amiTitle: string, date: Date, extension: ResultsExtension, lang: Lang): string {
  const name = fileSafeTitle(`${t('evaluation.open', undefined, lang)} – ${amiTitle}`);
  return `${name} – ${fileDate(date)}.${extension}`;
}
