import type { RankedProposalView, ResultsView } from '@eprouvette/shared';
import { RECOMMENDATIONS } from '@eprouvette/shared';
import { useI18n } from '../i18n/index.ts';
import { EvaluationTable } from './EvaluationTable.tsx';
import { formatAverage } from './format.ts';
import { rankLabel, recommendationLabel } from './export/results-table.ts';

function Spread({ row }: { row: RankedProposalView }) {
  const { t, lang } = useI18n();
  if (row.spread === null) return <>{t('evaluation.ranking.none')}</>;
  return (
    <>
      {t('evaluation.ranking.spreadValue', {
        stdDev: formatAverage(row.spread.stdDev, lang),
        min: formatAverage(row.spread.min, lang),
        max: formatAverage(row.spread.max, lang),
      })}
    </>
  );
}

/** The ranking: one row per proposal, best first, with its mean, the spread between experts and their recommendations. */
export function RankingTable({ results }: { results: ResultsView }) {
  const { t, lang } = useI18n();
  return (
    <EvaluationTable caption={t('evaluation.ranking.caption')} testId="ranking">
      <thead>
        <tr>
          <th scope="col" className="evaluation-table__number">
            {t('evaluation.ranking.rank')}
          </th>
          <th scope="col">{t('evaluation.ranking.proposal')}</th>
          <th scope="col" className="evaluation-table__number">
            {t('evaluation.ranking.mean')}
          </th>
          <th scope="col">{t('evaluation.ranking.spread')}</th>
          <th scope="col" className="evaluation-table__number">
            {t('evaluation.ranking.experts')}
          </th>
          <th scope="col">{t('evaluation.ranking.recommendations')}</th>
        </tr>
      </thead>
      <tbody>
        {results.ranking.map((row) => (
          <tr key={row.boardId}>
            <td className="evaluation-table__number evaluation-table__rank">{rankLabel(row, lang)}</td>
            <th scope="row">
              <span className="evaluation-table__title">{row.title}</span>
              <span className="evaluation-table__sub">
                {row.organisation}
                {row.archived && ` · ${t('evaluation.archived')}`}
              </span>
            </th>
            <td className="evaluation-table__number evaluation-table__mean">{formatAverage(row.mean, lang)}</td>
            <td>
              <Spread row={row} />
            </td>
            <td className="evaluation-table__number">{row.experts}</td>
            <td>
              <ul className="evaluation-recommendations">
                {RECOMMENDATIONS.map((recommendation) => (
                  <li key={recommendation}>
                    {recommendationLabel(recommendation, lang)}
                    {lang === 'fr' ? '\u00A0: ' : ': '}
                    <strong>{row.recommendations[recommendation]}</strong>
                  </li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </EvaluationTable>
  );
}

/** Each proposal's mean on each criterion, in ranking order. */
export function CriterionAveragesTable({ results }: { results: ResultsView }) {
  const { t, lang } = useI18n();
  return (
    <EvaluationTable caption={t('evaluation.criteria.caption')} className="evaluation-table--compact evaluation-table--criteria" testId="criterion-averages">
      <thead>
        <tr>
          <th scope="col">{t('evaluation.ranking.proposal')}</th>
          {results.criteria.map((criterion) => (
            <th key={criterion.id} scope="col" className="evaluation-table__number">
              {criterion.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {results.ranking.map((row) => (
          <tr key={row.boardId}>
            <th scope="row">{row.title}</th>
            {row.criteria.map((result) => (
              <td key={result.criterionId} className="evaluation-table__number">
                {formatAverage(result.mean, lang)}
                {result.notApplicable > 0 && <span className="evaluation-table__sub">{t('evaluation.criteria.notApplicable', { count: result.notApplicable })}</span>}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </EvaluationTable>
  );
}
