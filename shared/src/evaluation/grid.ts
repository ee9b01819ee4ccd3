/**
 * The evaluation grid of an AMI (PRODUCT.md, « Evaluation grid »): criteria scored 0 to 5 or
 * « non concerné », each with a weight, and the recommendation every expert ends with.
 */
import type { Id } from '../model/ids.ts';

export const SCORE_MIN = 0;
export const SCORE_MAX = 5;
export const SCORES = [0, 1, 2, 3, 4, 5] as const;
export type Score = (typeof SCORES)[number];

/** « Non concerné »: the criterion does not apply to this proposal; it is left out of the average. */
export const NOT_APPLICABLE = 'non-concerne';
export type ScoreValue = Score | typeof NOT_APPLICABLE;

/** « À retenir en priorité », « à retenir si possible », « à ne pas retenir » (their words are the client's). */
export const RECOMMENDATIONS = ['priorite', 'si-possible', 'non-retenu'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

export const CRITERION_LABEL_MAX_LENGTH = 120;
export const CRITERION_DESCRIPTION_MAX_LENGTH = 500;
export const CRITERIA_MAX = 20;
export const WEIGHT_MAX = 10;

export interface Criterion {
  readonly id: Id;
  readonly label: string;
  readonly description: string;
  /** Greater than 0; a criterion of weight 2 counts twice as much as one of weight 1. */
  readonly weight: number;
}

export type DefaultCriterion = Omit<Criterion, 'id'>;

/**
 * The grid every AMI starts with: PRODUCT.md's seven criteria, in its order. PRODUCT.md gives no
 * weights, so each weighs 1 until the AMI's admins decide otherwise.
 */
export const DEFAULT_CRITERIA: readonly DefaultCriterion[] = [
  {
    label: 'Pertinence au défi territorial',
    description: 'La proposition répond à un besoin réel du territoire et au défi de l’AMI.',
    weight: 1,
  },
  {
    label: 'Caractère innovant',
    description: 'Un usage nouveau, pour la collectivité, d’un outil numérique émergent.',
    weight: 1,
  },
  {
    label: 'Faisabilité (technique, juridique/RGPD, organisationnelle)',
    description: 'Une solution techniquement réaliste, conforme au RGPD, portée par une équipe et un calendrier crédibles.',
    weight: 1,
  },
  {
    label: 'Impact et indicateurs',
    description: 'Des bénéfices attendus clairs et des indicateurs de réussite mesurables.',
    weight: 1,
  },
  {
    label: 'Reproductibilité / essaimage',
    description: 'L’expérimentation pourra être reproduite par d’autres collectivités.',
    weight: 1,
  },
  {
    label: 'Coût et sobriété',
    description: 'Un budget proportionné à l’enjeu ; une solution sobre en énergie et en données.',
    weight: 1,
  },
  {
    label: 'Gouvernance et partenariats',
    description: 'Le pilotage, l’implication des élus, des services, des usagers et des partenaires.',
    weight: 1,
  },
];
