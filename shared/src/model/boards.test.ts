import { describe, expect, it } from 'vitest';
import { BOARD_KIND_LABELS, boardKindSchema } from './boards.ts';

describe('board kinds', () => {
  it('are workshop and proposal, with French labels', () => {
    expect(BOARD_KIND_LABELS).toEqual({ atelier: 'Atelier', proposition: "Proposition d'expérimentation" });
  });

  it('parse with the schema, ids only', () => {
    expect(boardKindSchema.parse('proposition')).toBe('proposition');
    expect(boardKindSchema.safeParse('Atelier').success).toBe(false);
  });
});
