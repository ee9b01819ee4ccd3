import { describe, expect, it } from 'vitest';
import { organisationNameKey } from './organisations.ts';

describe('organisationNameKey', () => {
  it('matches the ways people type one organisation', () => {
    const key = organisationNameKey("Commune d'Arras");
    for (const variant of ['commune d’arras', '  COMMUNE   D‘ARRAS ', 'Commune d`Arras']) expect(organisationNameKey(variant)).toBe(key);
  });

  it('folds accents but keeps different names apart', () => {
    expect(organisationNameKey('Région Hauts-de-France')).toBe(organisationNameKey('region hauts-de-france'));
    expect(organisationNameKey('Commune de Lens')).not.toBe(organisationNameKey('Commune de Liévin'));
  });
});
