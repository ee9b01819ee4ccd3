import { describe, expect, it } from 'vitest';
import type { Criterion, MyEvaluationView } from '@eprouvette/shared';
import { criterionField, NOT_APPLICABLE } from '@eprouvette/shared';
import { checkScoring, criterionCommentField, draftAverage, draftOf, formFields, inputOf } from './scoring-form.ts';

const formErrors = (...args: Parameters<typeof checkScoring>) => {
  const checked = checkScoring(...args);
  return checked.ok ? {} : checked.fields;
};

const CRITERIA: Criterion[] = [
  { id: 'aaaaaaaaaaaaaaaa', label: 'Pertinence', description: '', weight: 2 },
  { id: 'bbbbbbbbbbbbbbbb', label: 'Coût', description: '', weight: 1 },
];
const [A, B] = ['aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb'];

const view = (overrides: Partial<MyEvaluationView> = {}): MyEvaluationView => ({
  board: { id: 'cccccccccccccccc', title: 'Capteurs', organisation: 'Syndicat', archived: false },
  criteria: CRITERIA,
  status: 'draft',
  recommendation: null,
  comment: 'Général',
  scores: [{ criterionId: B, value: NOT_APPLICABLE, comment: 'Hors sujet.' }],
  updatedAt: '2026-03-02T14:05:00.000Z',
  canScore: true,
  refusal: null,
  publication: null,
  ...overrides,
});

describe('the scoring form', () => {
  it('starts from the saved evaluation and sends every criterion in the grid’s order', () => {
    const draft = draftOf(view());
    expect(inputOf(CRITERIA, draft, false)).toEqual({
      submit: false,
      recommendation: null,
      comment: 'Général',
      scores: [
        { criterionId: A, value: null, comment: '' },
        { criterionId: B, value: NOT_APPLICABLE, comment: 'Hors sujet.' },
      ],
    });
  });

  it('lets a draft go incomplete and names what a hand-in lacks', () => {
    const draft = draftOf(view());
    expect(formErrors(CRITERIA, inputOf(CRITERIA, draft, false))).toEqual({});
    expect(formErrors(CRITERIA, inputOf(CRITERIA, draft, true))).toEqual({
      [criterionField(A)]: 'Notez ce critère de 0 à 5, ou cochez « non concerné ».',
      recommendation: 'Choisissez votre recommandation.',
    });
    expect(formErrors(CRITERIA, inputOf(CRITERIA, { ...draft, values: { ...draft.values, [A]: 0 }, recommendation: 'priorite' }, true))).toEqual({});
  });

  it('puts a comment that is too long on its criterion', () => {
    const draft = { ...draftOf(view()), comments: { [A]: 'x'.repeat(2001) } };
    expect(formErrors(CRITERIA, inputOf(CRITERIA, draft, false))).toEqual({ [criterionCommentField(A)]: 'Un commentaire ne peut pas dépasser 2000 caractères.' });
  });

  it('renames the server’s fields after the criteria they are about', () => {
    expect(formFields(CRITERIA, { 'scores.1.value': 'Choisissez une note.', 'scores.0.comment': 'Trop long.', 'scores.7.criterionId': 'Inconnu.', recommendation: 'Choisissez.' })).toEqual({
      [criterionField(B)]: 'Choisissez une note.',
      [criterionCommentField(A)]: 'Trop long.',
      'scores.7.criterionId': 'Inconnu.',
      recommendation: 'Choisissez.',
    });
  });

  it('averages what is scored so far, by weight, « non concerné » left out', () => {
    const draft = draftOf(view());
    expect(draftAverage(CRITERIA, draft)).toBeNull();
    expect(draftAverage(CRITERIA, { ...draft, values: { ...draft.values, [A]: 4 } })).toBe(4);
    expect(draftAverage(CRITERIA, { ...draft, values: { [A]: 4, [B]: 1 } })).toBe(3);
  });
});
