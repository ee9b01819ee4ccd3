/**
 * From the experts' scores to the ranking of the proposals, as a pure function (the server runs
 * it for the ranking it answers; the tests run it alone).
 *
 * - An expert's average is weighted by the criteria's weights. A criterion « non concerné », or
 *   missing from the evaluation (a criterion added to the grid after it was given), is left out
 *   and the remaining weights count in full: 4 on a criterion of weight 2 and 2 on one of weight 1
 *   average (4×2 + 2×1) / 3, whatever the others. Scores for criteria no longer in the grid are
 *   ignored. An expert with no score left has no average (but their recommendation counts).
 * - A proposal's mean is the plain mean of its experts' averages: each expert weighs the same.
 * - The spread between experts is the population standard deviation of their averages (0 for one
 *   expert) with the lowest and the highest.
 * - Ranking: highest mean first; proposals whose means are equal (to 1e-9, floating-point noise
 *   aside) share a rank (« 1, 2, 2, 4 ») and are listed by most « à retenir en priorité », then
 *   by title; proposals nobody scored come last, without a rank.
 */
import type { Id } from '../model/ids.ts';
import { NOT_APPLICABLE, RECOMMENDATIONS, SCORE_MAX, SCORE_MIN, type Criterion, type Recommendation, type Score, type ScoreValue } from './grid.ts';

export interface CriterionScore {
  readonly criterionId: Id;
  readonly value: ScoreValue;
}

export interface ExpertEvaluation {
  readonly boardId: Id;
  readonly expertId: Id;
  readonly recommendation: Recommendation | null;
  readonly scores: readonly CriterionScore[];
}

export interface RankedCandidate {
  readonly id: Id;
  readonly title: string;
}

export interface Spread {
  readonly stdDev: number;
  readonly min: number;
  readonly max: number;
}

export interface CriterionResult {
  readonly criterionId: Id;
  /** Mean of the experts' scores on this criterion, or null when nobody scored it. */
  readonly mean: number | null;
  readonly scored: number;
  readonly notApplicable: number;
}

export interface ProposalResult {
  readonly boardId: Id;
  /** 1 for the first; equal means share a rank; null when no expert has an average. */
  readonly rank: number | null;
  /** Evaluations counted. */
  readonly experts: number;
  readonly mean: number | null;
  readonly spread: Spread | null;
  readonly recommendations: Readonly<Record<Recommendation, number>>;
  /** In the grid's order. */
  readonly criteria: readonly CriterionResult[];
}

/** Means closer than this are equal: 3.6 reached by two sums of weighted floats may differ in the last bits. */
export const RANK_TOLERANCE = 1e-9;

function isScore(value: unknown): value is Score {
  return typeof value === 'number' && Number.isInteger(value) && value >= SCORE_MIN && value <= SCORE_MAX;
}

/** The last value given for each criterion of the grid (a criterion sent twice counts once). */
function scoresByCriterion(criteria: readonly Criterion[], scores: readonly CriterionScore[]): Map<Id, ScoreValue> {
  const inGrid = new Set(criteria.map((criterion) => criterion.id));
  const byCriterion = new Map<Id, ScoreValue>();
  for (const { criterionId, value } of scores) {
    if (inGrid.has(criterionId) && (isScore(value) || value === NOT_APPLICABLE)) byCriterion.set(criterionId, value);
  }
  return byCriterion;
}

/** One expert's weighted average over the criteria they scored, or null when they scored none. */
export function weightedAverage(criteria: readonly Criterion[], scores: readonly CriterionScore[]): number | null {
  const byCriterion = scoresByCriterion(criteria, scores);
  let total = 0;
  let weights = 0;
  for (const criterion of criteria) {
    const value = byCriterion.get(criterion.id);
    if (!isScore(value) || !(criterion.weight > 0)) continue;
    total += value * criterion.weight;
    weights += criterion.weight;
  }
  return weights === 0 ? null : total / weights;
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}

function spreadOf(values: readonly number[]): Spread | null {
  const average = mean(values);
  if (average === null) return null;
  const variance = values.reduce((sum, value) => sum + (value - average) ** 2, 0) / values.length;
  return { stdDev: Math.sqrt(variance), min: Math.min(...values), max: Math.max(...values) };
}

function criterionResult(criterion: Criterion, evaluations: readonly Map<Id, ScoreValue>[]): CriterionResult {
  const values = evaluations.map((scores) => scores.get(criterion.id));
  const scored = values.filter(isScore);
  return {
    criterionId: criterion.id,
    mean: mean(scored),
    scored: scored.length,
    notApplicable: values.filter((value) => value === NOT_APPLICABLE).length,
  };
}

function proposalResult(criteria: readonly Criterion[], boardId: Id, evaluations: readonly ExpertEvaluation[]): Omit<ProposalResult, 'rank'> {
  const averages = evaluations.map((evaluation) => weightedAverage(criteria, evaluation.scores)).filter((value): value is number => value !== null);
  const recommendations = Object.fromEntries(RECOMMENDATIONS.map((kind) => [kind, 0])) as Record<Recommendation, number>;
  for (const { recommendation } of evaluations) {
    if (recommendation !== null && Object.hasOwn(recommendations, recommendation)) recommendations[recommendation] += 1;
  }
  const byCriterion = evaluations.map((evaluation) => scoresByCriterion(criteria, evaluation.scores));
  return {
    boardId,
    experts: evaluations.length,
    mean: mean(averages),
    spread: spreadOf(averages),
    recommendations,
    criteria: criteria.map((criterion) => criterionResult(criterion, byCriterion)),
  };
}

const sameMean = (a: number, b: number) => Math.abs(a - b) < RANK_TOLERANCE;

/**
 * The proposals ranked. Every candidate appears once, scored or not; evaluations of boards that
 * are not candidates are ignored, and an expert counts once per proposal (their last evaluation).
 */
export function rankProposals(
  criteria: readonly Criterion[],
  candidates: readonly RankedCandidate[],
  evaluations: readonly ExpertEvaluation[],
): ProposalResult[] {
  const byBoard = new Map<Id, Map<Id, ExpertEvaluation>>(candidates.map((candidate) => [candidate.id, new Map()]));
  for (const evaluation of evaluations) byBoard.get(evaluation.boardId)?.set(evaluation.expertId, evaluation);
  const titles = new Map(candidates.map((candidate) => [candidate.id, candidate.title]));
  const results = [...byBoard].map(([boardId, experts]) => proposalResult(criteria, boardId, [...experts.values()]));
  results.sort(
    (a, b) =>
      (a.mean === null ? 1 : 0) - (b.mean === null ? 1 : 0) ||
      (a.mean !== null && b.mean !== null && !sameMean(a.mean, b.mean) ? b.mean - a.mean : 0) ||
      b.recommendations.priorite - a.recommendations.priorite ||
      (titles.get(a.boardId) ?? '').localeCompare(titles.get(b.boardId) ?? '', 'fr') ||
      (a.boardId < b.boardId ? -1 : a.boardId > b.boardId ? 1 : 0),
  );
  const ranked: ProposalResult[] = [];
  results.forEach((result, index) => {
    const previous = ranked[index - 1];
    let rank: number | null = null;
    if (result.mean !== null) {
      rank = previous?.mean != null && previous.rank !== null && sameMean(previous.mean, result.mean) ? previous.rank : index + 1;
    }
    ranked.push({ ...result, rank });
  });
  return ranked;
}
