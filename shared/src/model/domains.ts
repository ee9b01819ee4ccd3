import { z } from 'zod';

/**
 * Domains of public action (one per AMI). Five are seeded; platform admins add more, so a domain is
 * data (a row), not an enum: the slug is its stable key in URLs and in the seed, the name is shown.
 */
export interface Domain {
  slug: string;
  name: string;
}

/** Lower-case ASCII words joined by single hyphens: safe in URLs, stable across renames. */
export const DOMAIN_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const DOMAIN_SLUG_MAX_LENGTH = 64;
export const DOMAIN_NAME_MAX_LENGTH = 120;

export const domainSlugSchema = z
  .string()
  .max(DOMAIN_SLUG_MAX_LENGTH)
  .regex(DOMAIN_SLUG_PATTERN, 'identifiant de domaine invalide');

export const domainNameSchema = z
  .string()
  .trim()
  .min(1, 'Le nom du domaine est obligatoire.')
  .max(DOMAIN_NAME_MAX_LENGTH, `Le nom du domaine dépasse ${DOMAIN_NAME_MAX_LENGTH} caractères.`);

export const domainSchema = z.object({ slug: domainSlugSchema, name: domainNameSchema });

/**
 * The seeded domains. Names are spelled exactly as in PRODUCT.md (straight apostrophe included).
 * The slugs are chosen by hand, shorter than `slugify(name)` would give ("gestion-eau", not
 * "gestion-de-l-eau"); they must never change once seeded, since URLs and seeds refer to them.
 */
export const SEED_DOMAINS: readonly Domain[] = [
  { slug: 'pilotage-energetique', name: 'Pilotage énergétique' },
  { slug: 'gestion-eau', name: "Gestion de l'eau" },
  { slug: 'fluidite-mobilites', name: 'Fluidité des mobilités' },
  { slug: 'gestion-dechets', name: 'Gestion des déchets' },
  { slug: 'attractivite-touristique', name: 'Attractivité touristique' },
];

/**
 * Slug for a domain a platform admin adds: accents dropped, anything else non-alphanumeric turned
 * into single hyphens. Returns null when nothing usable is left (a name made only of symbols), so
 * the caller asks for another name instead of storing an empty key. The caller still checks
 * uniqueness against existing domains.
 */
export function slugifyDomainName(name: string): string | null {
  const slug = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '') // é → e: combining marks left by NFD
    .replace(/œ/g, 'oe')
    .replace(/Œ/g, 'OE')
    .replace(/æ/g, 'ae')
    .replace(/Æ/g, 'AE')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, DOMAIN_SLUG_MAX_LENGTH)
    .replace(/-+$/, ''); // the cut may end on a hyphen
  return slug === '' ? null : slug;
}

/** Technology tags an AMI can carry. A fixed list (the issue names three; no admin screen adds more). */
export const TECHNOLOGY_TAGS = ['capteurs-iot', 'donnees-ia', 'realite-augmentee'] as const;

export type TechnologyTag = (typeof TECHNOLOGY_TAGS)[number];

export const technologyTagSchema = z.enum(TECHNOLOGY_TAGS);

export const TECHNOLOGY_TAG_LABELS: Readonly<Record<TechnologyTag, string>> = {
  'capteurs-iot': 'Capteurs/IoT',
  'donnees-ia': 'Données/IA',
  'realite-augmentee': 'Réalité augmentée',
};
