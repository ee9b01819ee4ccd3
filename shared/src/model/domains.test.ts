import { describe, expect, it } from 'vitest';
import {
  DOMAIN_SLUG_MAX_LENGTH,
  SEED_DOMAINS,
  TECHNOLOGY_TAG_LABELS,
  TECHNOLOGY_TAGS,
  domainNameSchema,
  domainSchema,
  domainSlugSchema,
  slugifyDomainName,
  technologyTagSchema,
} from './domains.ts';

describe('seeded domains', () => {
  it('are the five of PRODUCT.md, in its order, with stable slugs', () => {
    expect(SEED_DOMAINS).toEqual([
      { slug: 'pilotage-energetique', name: 'Pilotage énergétique' },
      { slug: 'gestion-eau', name: "Gestion de l'eau" },
      { slug: 'fluidite-mobilites', name: 'Fluidité des mobilités' },
      { slug: 'gestion-dechets', name: 'Gestion des déchets' },
      { slug: 'attractivite-touristique', name: 'Attractivité touristique' },
    ]);
  });

  it('are valid domains', () => {
    for (const domain of SEED_DOMAINS) expect(domainSchema.parse(domain)).toEqual(domain);
  });
});

describe('domain schemas', () => {
  it.each([
    ['gestion-eau', true],
    ['a', true],
    ['eau2', true],
    ['', false],
    ['-eau', false],
    ['eau-', false],
    ['gestion--eau', false],
    ['Gestion-eau', false],
    ['gestion_eau', false],
    ['énergie', false],
    ['a'.repeat(DOMAIN_SLUG_MAX_LENGTH), true],
    ['a'.repeat(DOMAIN_SLUG_MAX_LENGTH + 1), false],
  ])('slug %j valid: %s', (slug, valid) => {
    expect(domainSlugSchema.safeParse(slug).success).toBe(valid);
  });

  it('trims names and refuses empty ones', () => {
    expect(domainNameSchema.parse('  Santé  ')).toBe('Santé');
    expect(domainNameSchema.safeParse('   ').success).toBe(false);
  });
});

describe('slugifyDomainName', () => {
  it.each([
    ['Pilotage énergétique', 'pilotage-energetique'],
    ["Gestion de l'eau", 'gestion-de-l-eau'],
    ['Gestion de l’eau', 'gestion-de-l-eau'],
    ['  Santé & bien-être  ', 'sante-bien-etre'],
    ['Cœur de ville', 'coeur-de-ville'],
    ['ÉCOLES', 'ecoles'],
    ['Données/IA 2030', 'donnees-ia-2030'],
  ])('%j → %j', (name, slug) => {
    expect(slugifyDomainName(name)).toBe(slug);
  });

  it('returns null when nothing usable is left', () => {
    expect(slugifyDomainName('')).toBeNull();
    expect(slugifyDomainName('— ! —')).toBeNull();
  });

  it('stays within the slug rules for long names', () => {
    const slug = slugifyDomainName(`${'a'.repeat(DOMAIN_SLUG_MAX_LENGTH - 1)} bcd`);
    expect(slug).toBe('a'.repeat(DOMAIN_SLUG_MAX_LENGTH - 1));
    expect(domainSlugSchema.safeParse(slug).success).toBe(true);
  });
});

describe('technology tags', () => {
  it('have slugs and the labels of PRODUCT.md', () => {
    expect(TECHNOLOGY_TAG_LABELS).toEqual({
      'capteurs-iot': 'Capteurs/IoT',
      'donnees-ia': 'Données/IA',
      'realite-augmentee': 'Réalité augmentée',
    });
    expect(Object.keys(TECHNOLOGY_TAG_LABELS)).toEqual([...TECHNOLOGY_TAGS]);
  });

  it('parse with the schema, slugs only', () => {
    expect(technologyTagSchema.parse('donnees-ia')).toBe('donnees-ia');
    expect(technologyTagSchema.safeParse('Données/IA').success).toBe(false);
  });
});
