import { describe, expect, it } from 'vitest';
import type { CriterionView } from '@eprouvette/shared';
import { checkGrid, editedCriteria, gridInputOf, moveCriterion, newCriterion } from './grid-editor.ts';

const fieldsOf = (checked: ReturnType<typeof checkGrid>) => (checked.ok ? {} : checked.fields);

const GRID: CriterionView[] = [
  { id: 'aaaaaaaaaaaaaaaa', label: 'Pertinence', description: 'Le besoin du territoire.', weight: 1.5, scored: true },
  { id: 'bbbbbbbbbbbbbbbb', label: 'Coût', description: '', weight: 1, scored: false },
];

describe('the grid editor', () => {
  it('edits weights as people type them, and sends them as numbers', () => {
    const items = editedCriteria(GRID, 'fr');
    expect(items.map((item) => item.weight)).toEqual(['1,5', '1']);
    expect(gridInputOf(items)).toEqual({
      criteria: [
        { id: 'aaaaaaaaaaaaaaaa', label: 'Pertinence', description: 'Le besoin du territoire.', weight: 1.5 },
        { id: 'bbbbbbbbbbbbbbbb', label: 'Coût', description: '', weight: 1 },
      ],
    });
  });

  it('moves a criterion within bounds only', () => {
    const items = editedCriteria(GRID, 'fr');
    expect(moveCriterion(items, 1, -1).map((item) => item.label)).toEqual(['Coût', 'Pertinence']);
    expect(moveCriterion(items, 0, -1).map((item) => item.label)).toEqual(['Pertinence', 'Coût']);
    expect(moveCriterion(items, 1, 1).map((item) => item.label)).toEqual(['Pertinence', 'Coût']);
  });

  it('sends a new criterion without an id', () => {
    const items = [...editedCriteria(GRID, 'fr'), { ...newCriterion('nouveau-1'), label: 'Accessibilité' }];
    expect(gridInputOf(items).criteria.at(-1)).toEqual({ label: 'Accessibilité', description: '', weight: 1 });
  });

  it('names the fields the server would refuse', () => {
    const items = [...editedCriteria(GRID, 'fr'), newCriterion('nouveau-1'), { ...newCriterion('nouveau-2'), label: 'Accessibilité', weight: 'deux' }];
    expect(fieldsOf(checkGrid(gridInputOf(items)))).toEqual({
      'criteria.2.label': 'Le nom du critère est obligatoire.',
      'criteria.3.weight': 'Le poids doit être un nombre.',
    });
    // Names are compared once every criterion is valid on its own.
    expect(fieldsOf(checkGrid(gridInputOf([...editedCriteria(GRID, 'fr'), { ...newCriterion('nouveau-1'), label: ' coût ' }])))).toEqual({
      'criteria.2.label': 'Un autre critère porte déjà ce nom.',
    });
    expect(checkGrid(gridInputOf(editedCriteria(GRID, 'fr'))).ok).toBe(true);
  });
});
