import { describe, expect, it } from 'vitest';
import { NOT_APPLICABLE, type Criterion } from './grid.ts';
import { criterionField, scoringProblems } from './scoring-check.ts';

const GRID: Criterion[] = [
  { id: 'aaaaaaaaaaaaaaaa', label: 'Pertinence', description: '', weight: 1 },
  { id: 'bbbbbbbbbbbbbbbb', label: 'Coût', description: '', weight: 2 },
];
const [A, B] = GRID.map((criterion) => criterion.id) as [string, string];

describe('scoringProblems', () => {
  it('lets a draft leave anything blank', () => {
    expect(scoringProblems(GRID, { submit: false, recommendation: null, scores: [] })).toEqual({});
    expect(scoringProblems(GRID, { submit: false, recommendation: null, scores: [{ criterionId: A, value: null }] })).toEqual({});
  });

  it('hands in only a complete evaluation: every criterion scored or « non concerné », and a recommendation', () => {
    expect(scoringProblems(GRID, { submit: true, recommendation: null, scores: [{ criterionId: A, value: 3 }, { criterionId: B, value: null }] })).toEqual({
      [criterionField(B)]: 'Notez ce critère de 0 à 5, ou cochez « non concerné ».',
      recommendation: 'Choisissez votre recommandation.',
    });
    expect(scoringProblems(GRID, { submit: true, recommendation: 'priorite', scores: [{ criterionId: A, value: 0 }, { criterionId: B, value: NOT_APPLICABLE }] })).toEqual({});
  });

  it('refuses criteria that are not in the grid, and a criterion scored twice, even in a draft', () => {
    expect(
      scoringProblems(GRID, {
        submit: false,
        recommendation: null,
        scores: [{ criterionId: 'zzzzzzzzzzzzzzzz', value: 2 }, { criterionId: A, value: 2 }, { criterionId: A, value: 3 }],
      }),
    ).toEqual({
      'scores.0.criterionId': 'Ce critère n’est plus dans la grille : rechargez la page.',
      'scores.2.criterionId': 'Ce critère est noté deux fois.',
    });
  });
});
