import { describe, expect, it } from 'vitest';
import {
  ORGANISATION_TYPE_LABELS,
  ORGANISATION_TYPES,
  isCollectivite,
  organisationTypeSchema,
} from './organisations.ts';

describe('organisation types', () => {
  it('have stable ids and French labels', () => {
    expect(ORGANISATION_TYPE_LABELS).toEqual({
      region: 'Région',
      commune: 'Commune',
      intercommunalite: 'Intercommunalité / EPCI',
      'syndicat-mixte': 'Syndicat mixte',
      departement: 'Département',
      expert: 'Expert',
      autre: 'Autre',
    });
    expect(Object.keys(ORGANISATION_TYPE_LABELS)).toEqual([...ORGANISATION_TYPES]);
  });

  it('parse with the schema, ids only', () => {
    expect(organisationTypeSchema.parse('syndicat-mixte')).toBe('syndicat-mixte');
    expect(organisationTypeSchema.safeParse('Région').success).toBe(false);
    expect(organisationTypeSchema.safeParse('epci').success).toBe(false);
  });

  it.each([
    ['region', false],
    ['commune', true],
    ['intercommunalite', true],
    ['syndicat-mixte', true],
    ['departement', true],
    ['expert', false],
    ['autre', false],
  ] as const)('%s is a collectivité: %s', (type, expected) => {
    expect(isCollectivite(type)).toBe(expected);
  });
});
