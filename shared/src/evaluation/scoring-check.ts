/**
 * What an evaluation must satisfy beyond its schema, against the AMI's grid as it is now: the
 * server refuses with these messages, and the form checks the same before sending.
 */
import type { Id } from '../model/ids.ts';
import type { Criterion, Recommendation, ScoreValue } from './grid.ts';

export interface ScoringInput {
  readonly submit: boolean;
  readonly recommendation: Recommendation | null;
  readonly scores: readonly { readonly criterionId: Id; readonly value: ScoreValue | null }[];
}

/** The field of one criterion's score in the answers' `fields` (and in the form). */
export const criterionField = (criterionId: Id) => `criteria.${criterionId}`;
export const RECOMMENDATION_FIELD = 'recommendation';

/**
 * French messages by field: scores of criteria that are not in the grid (it changed since the
 * form was opened) or given twice; and, to hand in, a missing score or recommendation.
 */
export function scoringProblems(criteria: readonly Criterion[], input: ScoringInput): Record<string, string> {
  const problems: Record<string, string> = {};
  const known = new Set(criteria.map((criterion) => criterion.id));
  const given = new Map<Id, ScoreValue | null>();
  input.scores.forEach(({ criterionId, value }, index) => {
    if (!known.has(criterionId)) problems[`scores.${index}.criterionId`] = 'Ce critère n’est plus dans la grille : rechargez la page.';
    else if (given.has(criterionId)) problems[`scores.${index}.criterionId`] = 'Ce critère est noté deux fois.';
    given.set(criterionId, value);
  });
  if (!input.submit) return problems;
  for (const criterion of criteria) {
    if ((given.get(criterion.id) ?? null) === null) problems[criterionField(criterion.id)] = 'Notez ce critère de 0 à 5, ou cochez « non concerné ».';
  }
  if (input.recommendation === null) problems[RECOMMENDATION_FIELD] = 'Choisissez votre recommandation.';
  return problems;
}
