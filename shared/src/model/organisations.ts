import { z } from 'zod';

/**
 * Types of organisation a person signs up with. Ids are stable ASCII slugs (they are stored);
 * labels are what the French UI shows.
 */
export const ORGANISATION_TYPES = [
  'region',
  'commune',
  'intercommunalite',
  'syndicat-mixte',
  'departement',
  'expert',
  'autre',
] as const;

export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export const organisationTypeSchema = z.enum(ORGANISATION_TYPES);

export const ORGANISATION_TYPE_LABELS: Readonly<Record<OrganisationType, string>> = {
  region: 'Région',
  commune: 'Commune',
  intercommunalite: 'Intercommunalité / EPCI',
  'syndicat-mixte': 'Syndicat mixte',
  departement: 'Département',
  expert: 'Expert',
  autre: 'Autre',
};

/**
 * The local authorities (collectivités) of the glossary: the bodies that run experiments. The Region
 * funds and runs the AMIs, experts advise, so neither is a candidate collectivité.
 */
export const COLLECTIVITE_TYPES: readonly OrganisationType[] = [
  'commune',
  'intercommunalite',
  'syndicat-mixte',
  'departement',
];

export function isCollectivite(type: OrganisationType): boolean {
  return COLLECTIVITE_TYPES.includes(type);
}
