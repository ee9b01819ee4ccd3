import { describe, expect, it } from 'vitest';
import { rankProposals, weightedAverage, type CriterionScore, type ExpertEvaluation } from './aggregate.ts';
import { NOT_APPLICABLE, type Criterion, type Recommendation, type ScoreValue } from './grid.ts';

const criterion = (id: string, weight = 1): Criterion => ({ id, label: `Critère ${id}`, description: '', weight });
/** Scores in the order of `ids`; undefined leaves the criterion out (not scored). */
const scores = (ids: readonly string[], values: readonly (ScoreValue | undefined)[]): CriterionScore[] =>
  ids.flatMap((criterionId, index) => (values[index] === undefined ? [] : [{ criterionId, value: values[index]! }]));

const GRID = [criterion('pertinence', 2), criterion('innovation', 1), criterion('cout', 1)];
const IDS = GRID.map((item) => item.id);

function evaluation(boardId: string, expertId: string, values: readonly (ScoreValue | undefined)[], recommendation: Recommendation | null = null, grid = GRID): ExpertEvaluation {
  return { boardId, expertId, recommendation, scores: scores(grid.map((item) => item.id), values) };
}

describe('weightedAverage', () => {
  it('weighs each score by its criterion', () => {
    expect(weightedAverage(GRID, scores(IDS, [4, 2, 3]))).toBeCloseTo((4 * 2 + 2 + 3) / 4, 12);
  });

  it('leaves « non concerné » out and counts the remaining weights in full', () => {
    expect(weightedAverage(GRID, scores(IDS, [4, NOT_APPLICABLE, 1]))).toBeCloseTo((4 * 2 + 1) / 3, 12);
    expect(weightedAverage(GRID, scores(IDS, [NOT_APPLICABLE, 5, 1]))).toBe(3);
  });

  it('leaves out a criterion that was not scored (added to the grid after the evaluation)', () => {
    expect(weightedAverage(GRID, scores(IDS, [4, 2, undefined]))).toBeCloseTo((4 * 2 + 2) / 3, 12);
  });

  it('is null when nothing was scored, or everything is « non concerné »', () => {
    expect(weightedAverage(GRID, [])).toBeNull();
    expect(weightedAverage(GRID, scores(IDS, [NOT_APPLICABLE, NOT_APPLICABLE, NOT_APPLICABLE]))).toBeNull();
  });

  it('ignores scores of criteria no longer in the grid, and values off the scale', () => {
    const extra: CriterionScore[] = [
      { criterionId: 'supprime', value: 0 },
      { criterionId: 'innovation', value: 7 as ScoreValue },
      { criterionId: 'cout', value: 2.5 as ScoreValue },
      { criterionId: 'cout', value: -1 as ScoreValue },
    ];
    expect(weightedAverage(GRID, [...scores(IDS, [5]), ...extra])).toBe(5);
  });

  it('keeps the last value given for a criterion', () => {
    expect(weightedAverage(GRID, [...scores(IDS, [1]), ...scores(IDS, [3])])).toBe(3);
  });

  it('gives 0 for all zeros, which is an average (not « nothing scored »)', () => {
    expect(weightedAverage(GRID, scores(IDS, [0, 0, 0]))).toBe(0);
  });
});

describe('rankProposals', () => {
  const candidates = [
    { id: 'capteurs', title: 'Capteurs acoustiques de fuites' },
    { id: 'telereleve', title: 'Télérelève des compteurs' },
    { id: 'sondes', title: 'Sondes d’humidité du sol' },
  ];

  it('with one expert: the mean is their average, with no spread', () => {
    const [result] = rankProposals(GRID, [candidates[0]!], [evaluation('capteurs', 'sophie', [4, 2, 3], 'priorite')]);
    expect(result).toEqual({
      boardId: 'capteurs',
      rank: 1,
      experts: 1,
      mean: 13 / 4,
      spread: { stdDev: 0, min: 13 / 4, max: 13 / 4 },
      recommendations: { priorite: 1, 'si-possible': 0, 'non-retenu': 0 },
      criteria: [
        { criterionId: 'pertinence', mean: 4, scored: 1, notApplicable: 0 },
        { criterionId: 'innovation', mean: 2, scored: 1, notApplicable: 0 },
        { criterionId: 'cout', mean: 3, scored: 1, notApplicable: 0 },
      ],
    });
  });

  it('averages the experts equally and measures how far apart they are', () => {
    const [result] = rankProposals(GRID, [candidates[0]!], [
      evaluation('capteurs', 'sophie', [2, 2, 2], 'si-possible'), // 2
      evaluation('capteurs', 'marc', [4, 4, 4], 'priorite'), // 4
      evaluation('capteurs', 'ines', [3, NOT_APPLICABLE, 3], 'si-possible'), // 3
    ]);
    expect(result!.experts).toBe(3);
    expect(result!.mean).toBe(3);
    expect(result!.spread!.min).toBe(2);
    expect(result!.spread!.max).toBe(4);
    expect(result!.spread!.stdDev).toBeCloseTo(Math.sqrt(2 / 3), 12);
    expect(result!.recommendations).toEqual({ priorite: 1, 'si-possible': 2, 'non-retenu': 0 });
    expect(result!.criteria[1]).toEqual({ criterionId: 'innovation', mean: 3, scored: 2, notApplicable: 1 });
  });

  it('gives an expert the same weight however many criteria they scored', () => {
    const [result] = rankProposals(GRID, [candidates[0]!], [
      evaluation('capteurs', 'sophie', [5, undefined, undefined]), // 5, one criterion
      evaluation('capteurs', 'marc', [1, 1, 1]), // 1, every criterion
    ]);
    expect(result!.mean).toBe(3);
  });

  it('ranks by mean, highest first, and lists unscored proposals last without a rank', () => {
    const ranking = rankProposals(GRID, candidates, [
      evaluation('capteurs', 'sophie', [2, 2, 2]),
      evaluation('telereleve', 'sophie', [5, 4, 4]),
    ]);
    expect(ranking.map((result) => [result.boardId, result.rank])).toEqual([
      ['telereleve', 1],
      ['capteurs', 2],
      ['sondes', null],
    ]);
    expect(ranking[2]).toMatchObject({ experts: 0, mean: null, spread: null, recommendations: { priorite: 0, 'si-possible': 0, 'non-retenu': 0 } });
    expect(ranking[2]!.criteria.every((result) => result.mean === null && result.scored === 0)).toBe(true);
  });

  it('counts an expert who found nothing applicable, without an average', () => {
    const [result] = rankProposals(GRID, [candidates[0]!], [evaluation('capteurs', 'sophie', [NOT_APPLICABLE, NOT_APPLICABLE, NOT_APPLICABLE], 'non-retenu')]);
    expect(result).toMatchObject({ rank: null, experts: 1, mean: null, spread: null, recommendations: { 'non-retenu': 1 } });
    expect(result!.criteria.map((item) => item.notApplicable)).toEqual([1, 1, 1]);
  });

  it('shares a rank between equal means (1, 2, 2, 4) and orders them by « à retenir en priorité », then title', () => {
    const four = [...candidates, { id: 'eclairage', title: 'Éclairage public connecté' }];
    const ranking = rankProposals(GRID, four, [
      evaluation('capteurs', 'sophie', [5, 5, 5]),
      evaluation('sondes', 'sophie', [3, 3, 3], 'si-possible'),
      evaluation('telereleve', 'sophie', [3, 3, 3], 'priorite'),
      evaluation('eclairage', 'sophie', [1, 1, 1]),
    ]);
    expect(ranking.map((result) => [result.boardId, result.rank])).toEqual([
      ['capteurs', 1],
      ['telereleve', 2],
      ['sondes', 2],
      ['eclairage', 4],
    ]);
    const titles = rankProposals(GRID, four, [evaluation('telereleve', 'sophie', [3, 3, 3]), evaluation('eclairage', 'sophie', [3, 3, 3])]);
    // Same mean, same recommendations: by title, the French way (É sorts with E).
    expect(titles.slice(0, 2).map((result) => [result.boardId, result.rank])).toEqual([
      ['eclairage', 1],
      ['telereleve', 1],
    ]);
  });

  it('treats means equal but for floating-point noise as a tie', () => {
    const grid = [criterion('a', 0.1), criterion('b', 0.2), criterion('c', 0.7)];
    // Both are 2.4: (1×0.1 + 1×0.2 + 3×0.7) / 1 computes to 2.3999999999999995.
    const ranking = rankProposals(grid, candidates.slice(0, 2), [
      evaluation('capteurs', 'sophie', [1, 1, 3], null, grid),
      evaluation('telereleve', 'sophie', [0, 5, 2], null, grid),
    ]);
    expect(ranking[0]!.mean).not.toBe(ranking[1]!.mean);
    expect(ranking.map((result) => result.rank)).toEqual([1, 1]);
  });

  it('follows the weights: the same scores rank differently when a criterion weighs more', () => {
    const evaluations = [evaluation('capteurs', 'sophie', [5, 1, 1]), evaluation('telereleve', 'sophie', [1, 4, 4])];
    const even = [criterion('pertinence'), criterion('innovation'), criterion('cout')];
    expect(rankProposals(even, candidates.slice(0, 2), evaluations)[0]!.boardId).toBe('telereleve');
    const heavy = [criterion('pertinence', 5), criterion('innovation'), criterion('cout')];
    expect(rankProposals(heavy, candidates.slice(0, 2), evaluations)[0]!.boardId).toBe('capteurs');
  });

  it('ignores evaluations of boards that are not candidates, and counts an expert once per proposal', () => {
    const ranking = rankProposals(GRID, [candidates[0]!], [
      evaluation('atelier', 'sophie', [5, 5, 5]),
      evaluation('capteurs', 'sophie', [1, 1, 1], 'non-retenu'),
      evaluation('capteurs', 'sophie', [3, 3, 3], 'priorite'),
    ]);
    expect(ranking).toHaveLength(1);
    expect(ranking[0]).toMatchObject({ experts: 1, mean: 3, recommendations: { priorite: 1, 'non-retenu': 0 } });
  });

  it('ranks nothing for an empty grid: no criterion, no average', () => {
    expect(rankProposals([], [candidates[0]!], [evaluation('capteurs', 'sophie', [4, 4, 4], 'priorite')])[0]).toMatchObject({
      rank: null,
      experts: 1,
      mean: null,
      criteria: [],
    });
  });
});
