import type { Criterion } from '@eprouvette/shared';
import { useI18n } from '../i18n/index.ts';
import { EvaluationTable } from './EvaluationTable.tsx';
import { formatWeight } from './format.ts';

/** The grid as everyone reads it: each criterion, what it looks for, its weight. */
export function GridTable({ criteria }: { criteria: readonly Criterion[] }) {
  const { t, lang } = useI18n();
  return (
    <EvaluationTable caption={t('evaluation.grid.caption')} hiddenCaption testId="evaluation-grid">
      <thead>
        <tr>
          <th scope="col">{t('evaluation.grid.criterion')}</th>
          <th scope="col">{t('evaluation.grid.description')}</th>
          <th scope="col" className="evaluation-table__number">
            {t('evaluation.grid.weight')}
          </th>
        </tr>
      </thead>
      <tbody>
        {criteria.map((criterion, index) => (
          <tr key={criterion.id}>
            <th scope="row">
              {index + 1}. {criterion.label}
            </th>
            <td>{criterion.description}</td>
            <td className="evaluation-table__number">{formatWeight(criterion.weight, lang)}</td>
          </tr>
        ))}
      </tbody>
    </EvaluationTable>
  );
}
