import { z } from 'zod';
import type { ProposalResult } from '../evaluation/aggregate.ts';
import {
  CRITERIA_MAX,
  CRITERION_DESCRIPTION_MAX_LENGTH,
  CRITERION_LABEL_MAX_LENGTH,
  NOT_APPLICABLE,
  RECOMMENDATIONS,
  SCORES,
  WEIGHT_MAX,
  type Criterion,
  type Recommendation,
  type ScoreValue,
} from '../evaluation/grid.ts';
import { idSchema, type Id } from '../model/ids.ts';
import type { Action } from '../permissions.ts';

/**
 * What the evaluation routes receive (`/api/amis/:amiId/evaluation…`) and answer. The expert is
 * never sent: an evaluation is always the signed-in user's own.
 */

export const SCORE_COMMENT_MAX_LENGTH = 2000;
export const EVALUATION_COMMENT_MAX_LENGTH = 5000;

/** At most one decimal (1,5): a weight is a judgement, not a measure. */
const hasOneDecimal = (value: number) => Math.abs(value * 10 - Math.round(value * 10)) < 1e-9;

export const weightSchema = z
  .number({ error: 'Le poids doit être un nombre.' })
  .positive('Le poids doit être supérieur à 0.')
  .max(WEIGHT_MAX, `Le poids ne peut pas dépasser ${WEIGHT_MAX}.`)
  .refine(hasOneDecimal, 'Le poids a au plus une décimale (par exemple 1,5).');

export const criterionInputSchema = z.object({
  /** Absent for a new criterion. */
  id: idSchema.optional(),
  label: z
    .string({ error: 'Le nom du critère est obligatoire.' })
    .trim()
    .min(1, 'Le nom du critère est obligatoire.')
    .max(CRITERION_LABEL_MAX_LENGTH, `Le nom d’un critère ne peut pas dépasser ${CRITERION_LABEL_MAX_LENGTH} caractères.`),
  description: z
    .string()
    .trim()
    .max(CRITERION_DESCRIPTION_MAX_LENGTH, `La description ne peut pas dépasser ${CRITERION_DESCRIPTION_MAX_LENGTH} caractères.`)
    .default(''),
  weight: weightSchema,
});

const labelKey = (label: string) => label.toLocaleLowerCase('fr').replace(/\s+/g, ' ');

/**
 * The whole grid, in order: criteria with an id keep it (and their scores), those without are
 * new, and criteria of the grid left out are removed — which the server refuses once scored.
 */
export const gridUpdateSchema = z
  .object({
    criteria: z
      .array(criterionInputSchema)
      .min(1, 'La grille doit compter au moins un critère.')
      .max(CRITERIA_MAX, `La grille ne peut pas compter plus de ${CRITERIA_MAX} critères.`),
  })
  .superRefine(({ criteria }, context) => {
    const labels = new Set<string>();
    const ids = new Set<string>();
    criteria.forEach((criterion, index) => {
      const key = labelKey(criterion.label);
      if (labels.has(key)) context.addIssue({ code: 'custom', path: ['criteria', index, 'label'], message: 'Un autre critère porte déjà ce nom.' });
      labels.add(key);
      if (criterion.id === undefined) return;
      if (ids.has(criterion.id)) context.addIssue({ code: 'custom', path: ['criteria', index, 'id'], message: 'Ce critère figure deux fois dans la grille.' });
      ids.add(criterion.id);
    });
  });

export type CriterionInput = z.input<typeof criterionInputSchema>;
export type GridUpdateInput = z.input<typeof gridUpdateSchema>;
export type GridUpdate = z.output<typeof gridUpdateSchema>;

export const scoreValueSchema = z.literal([...SCORES, NOT_APPLICABLE], { error: 'Choisissez une note de 0 à 5, ou « non concerné ».' });

export const criterionScoreInputSchema = z.object({
  criterionId: idSchema,
  /** null: not scored yet, which only a draft may leave. */
  value: scoreValueSchema.nullable(),
  comment: z
    .string()
    .trim()
    .max(SCORE_COMMENT_MAX_LENGTH, `Un commentaire ne peut pas dépasser ${SCORE_COMMENT_MAX_LENGTH} caractères.`)
    .default(''),
});

/**
 * An expert's evaluation of one proposal. `submit: false` saves a draft (anything may be left
 * blank); `submit: true` hands it in: every criterion scored or « non concerné », and a
 * recommendation. Only handed-in evaluations count in the ranking.
 */
export const evaluationInputSchema = z.object({
  submit: z.boolean(),
  recommendation: z.enum(RECOMMENDATIONS, { error: 'Choisissez une recommandation de la liste.' }).nullable(),
  comment: z
    .string()
    .trim()
    .max(EVALUATION_COMMENT_MAX_LENGTH, `Le commentaire général ne peut pas dépasser ${EVALUATION_COMMENT_MAX_LENGTH} caractères.`)
    .default(''),
  scores: z.array(criterionScoreInputSchema).max(CRITERIA_MAX, `Une évaluation ne peut pas noter plus de ${CRITERIA_MAX} critères.`),
});

export type EvaluationInput = z.input<typeof evaluationInputSchema>;
export type EvaluationSubmission = z.output<typeof evaluationInputSchema>;

export type EvaluationStatus = 'draft' | 'submitted';

export interface CriterionView extends Criterion {
  /** Whether an expert scored it, so it cannot be removed (told only to those who may edit the grid). */
  scored: boolean;
}

export interface PublicationView {
  at: string;
  /** Who published; null when the account has been deleted since. */
  by: string | null;
}

export interface ProposalToScoreView {
  boardId: Id;
  title: string;
  organisation: string;
  archived: boolean;
  /** The viewer's own evaluation of it: null when none (or when the viewer does not score). */
  mine: EvaluationStatus | null;
  canScore: boolean;
}

/** The evaluation page: the grid, whether the results are out, what the viewer may do. */
export interface EvaluationView {
  amiId: Id;
  criteria: CriterionView[];
  publication: PublicationView | null;
  /** The evaluation actions `decide` allows the viewer (scoring is per proposal: `canScore`). */
  allowed: Action[];
  proposals: ProposalToScoreView[];
}

export interface CriterionScoreView {
  criterionId: Id;
  value: ScoreValue | null;
  comment: string;
}

/** The viewer's own evaluation of one proposal, with the grid to fill it in. */
export interface MyEvaluationView {
  board: { id: Id; title: string; organisation: string; archived: boolean };
  criteria: Criterion[];
  status: EvaluationStatus | null;
  recommendation: Recommendation | null;
  comment: string;
  scores: CriterionScoreView[];
  updatedAt: string | null;
  canScore: boolean;
  /** Why the viewer may not score it (in French), or null. */
  refusal: string | null;
  publication: PublicationView | null;
}

export interface RankedProposalView extends ProposalResult {
  title: string;
  organisation: string;
  archived: boolean;
}

/** The ranking: what members read once published, and admins all along. Never one expert's scores. */
export interface ResultsView {
  criteria: Criterion[];
  publication: PublicationView | null;
  ranking: RankedProposalView[];
  /** Experts who handed in at least one evaluation. */
  experts: number;
}

/** One expert's evaluation of one proposal, for the AMI's admins only. */
export interface ExpertReviewView {
  boardId: Id;
  expert: { id: Id; name: string };
  status: EvaluationStatus;
  recommendation: Recommendation | null;
  comment: string;
  /** Their weighted average, or null when they scored nothing yet. */
  average: number | null;
  scores: CriterionScoreView[];
  updatedAt: string;
}

export interface ReviewsView {
  reviews: ExpertReviewView[];
}
