/**
 * « Évaluations des experts », for the AMI's admins only: per proposal, each expert's status,
 * recommendation, average, scores and comments.
 */
import type { AmiDetailView, Criterion, EvaluationView, ExpertReviewView } from '@eprouvette/shared';
import { api, call } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { useI18n } from '../i18n/index.ts';
import { Loading, LoadFailure } from '../ui/LoadState.tsx';
import { EvaluationTable } from './EvaluationTable.tsx';
import { recommendationLabel } from './export/results-table.ts';
import { formatAverage, formatScore } from './format.ts';

function Review({ review, criteria }: { review: ExpertReviewView; criteria: readonly Criterion[] }) {
  const { t, lang } = useI18n();
  const scores = new Map(review.scores.map((score) => [score.criterionId, score]));
  return (
    <li className="evaluation-review">
      <p className="evaluation-review__head">
        <strong>{review.expert.name}</strong>
        <span className={`pill evaluation-status evaluation-status--${review.status}`}>{t(`evaluation.status.${review.status}`)}</span>
        {review.recommendation !== null && <span>{recommendationLabel(review.recommendation, lang)}</span>}
        <span>{t('evaluation.reviews.average', { average: formatAverage(review.average, lang) })}</span>
      </p>
      <EvaluationTable caption={t('evaluation.reviews.caption', { name: review.expert.name })} hiddenCaption className="evaluation-table--compact">
        <thead>
          <tr>
            <th scope="col">{t('evaluation.grid.criterion')}</th>
            <th scope="col" className="evaluation-table__number">
              {t('evaluation.reviews.score')}
            </th>
            <th scope="col">{t('evaluation.reviews.comment')}</th>
          </tr>
        </thead>
        <tbody>
          {criteria.map((criterion) => {
            const score = scores.get(criterion.id);
            return (
              <tr key={criterion.id}>
                <th scope="row">{criterion.label}</th>
                <td className="evaluation-table__number">{formatScore(score?.value ?? null, lang)}</td>
                <td className="evaluation-table__comment">{score?.comment}</td>
              </tr>
            );
          })}
        </tbody>
      </EvaluationTable>
      {review.comment !== '' && <p className="evaluation-table__comment">{t('evaluation.reviews.general', { comment: review.comment })}</p>}
    </li>
  );
}

export function ReviewsSection({ ami, evaluation }: { ami: AmiDetailView; evaluation: EvaluationView }) {
  const { t } = useI18n();
  const { state, reload } = useApi(() => call(() => api.amis[':amiId'].evaluation.reviews.$get({ param: { amiId: ami.id } })), [ami.id, evaluation.criteria]);
  return (
    <section className="card" aria-labelledby="evaluation-reviews-title">
      <h2 id="evaluation-reviews-title">{t('evaluation.reviews.title')}</h2>
      <p className="muted">{t('evaluation.reviews.intro')}</p>
      {state.status === 'loading' ? (
        <Loading />
      ) : state.status === 'failed' ? (
        <LoadFailure failure={state.failure} retry={reload} />
      ) : state.data.reviews.length === 0 ? (
        <p className="muted">{t('evaluation.reviews.none')}</p>
      ) : (
        evaluation.proposals.map((proposal) => {
          const reviews = state.data.reviews.filter((review) => review.boardId === proposal.boardId);
          if (reviews.length === 0) return null;
          return (
            <details key={proposal.boardId} className="evaluation-reviews">
              <summary>{t(reviews.length === 1 ? 'evaluation.reviews.summary.one' : 'evaluation.reviews.summary.other', { title: proposal.title, count: reviews.length })}</summary>
              <ul className="evaluation-reviews__list">
                {reviews.map((review) => (
                  <Review key={review.expert.id} review={review} criteria={evaluation.criteria} />
                ))}
              </ul>
            </details>
          );
        })
      )}
    </section>
  );
}
