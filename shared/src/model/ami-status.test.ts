import { describe, expect, it } from 'vitest';
import type { AmiStatus } from './ami-status.ts';
import {
  AMI_STATUS_LABELS,
  AMI_STATUSES,
  allowedTransitions,
  amiStatusSchema,
  canTransition,
  isClosedStatus,
} from './ami-status.ts';

describe('AMI statuses', () => {
  it('follow the lifecycle of PRODUCT.md with French labels', () => {
    expect(Object.entries(AMI_STATUS_LABELS)).toEqual([
      ['brouillon', 'Brouillon'],
      ['publie', 'Publié'],
      ['candidatures', 'Candidatures'],
      ['ateliers', 'Ateliers'],
      ['selection', 'Sélection / évaluation'],
      ['experimentation', 'Expérimentation'],
      ['cloture', 'Clôturé'],
    ]);
    expect(Object.keys(AMI_STATUS_LABELS)).toEqual([...AMI_STATUSES]);
  });

  it('parse with the schema, ids only', () => {
    expect(amiStatusSchema.parse('selection')).toBe('selection');
    expect(amiStatusSchema.safeParse('Publié').success).toBe(false);
    expect(amiStatusSchema.safeParse('publié').success).toBe(false);
  });

  it('only clôturé is closed', () => {
    expect(AMI_STATUSES.filter(isClosedStatus)).toEqual(['cloture']);
  });
});

describe('canTransition, every pair', () => {
  // Rows: from. Columns: to, in lifecycle order. F = forward one step, B = allowed step back.
  //                        brou  publ  cand  atel  sele  expe  clot
  const table: [AmiStatus, string][] = [
    ['brouillon', '         -     F     -     -     -     -     -'],
    ['publie', '            B     -     F     -     -     -     -'],
    ['candidatures', '      -     -     -     F     -     -     -'],
    ['ateliers', '          -     -     -     -     F     -     -'],
    ['selection', '         -     -     -     -     -     F     -'],
    ['experimentation', '   -     -     -     -     -     -     F'],
    ['cloture', '           -     -     -     -     -     B     -'],
  ];

  for (const [from, row] of table) {
    const cells = row.trim().split(/\s+/);
    AMI_STATUSES.forEach((to, index) => {
      const expected = cells[index] !== '-';
      it(`${from} → ${to}: ${expected ? 'allowed' : 'refused'}`, () => {
        expect(canTransition(from, to)).toBe(expected);
      });
    });
  }

  it('has one row per status and one cell per status', () => {
    expect(table.map(([from]) => from)).toEqual([...AMI_STATUSES]);
    for (const [, row] of table) expect(row.trim().split(/\s+/)).toHaveLength(AMI_STATUSES.length);
  });
});

describe('allowedTransitions', () => {
  it.each([
    ['brouillon', ['publie']],
    ['publie', ['candidatures', 'brouillon']],
    ['candidatures', ['ateliers']],
    ['ateliers', ['selection']],
    ['selection', ['experimentation']],
    ['experimentation', ['cloture']],
    ['cloture', ['experimentation']],
  ] as const)('%s → %j', (from, expected) => {
    expect(allowedTransitions(from)).toEqual(expected);
  });

  it('allows nothing from a value that is not a status', () => {
    expect(allowedTransitions('archive' as AmiStatus)).toEqual([]);
    expect(canTransition('archive' as AmiStatus, 'brouillon')).toBe(false);
    expect(canTransition('brouillon', 'archive' as AmiStatus)).toBe(false);
  });
});
