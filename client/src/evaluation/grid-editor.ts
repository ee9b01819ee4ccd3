/**
 * The grid editor's state, as plain functions: the criteria being edited (weights as typed), moves,
 * removals and additions, and the request they make with the errors the schema finds in it.
 */
import type { CriterionView, GridUpdate, GridUpdateInput, Id } from '@eprouvette/shared';
import { gridUpdateSchema } from '@eprouvette/shared';
import { formatWeight, parseWeight } from './format.ts';
import type { Lang } from '../i18n/index.ts';

export interface EditedCriterion {
  /** Stable across moves, for React and focus. */
  readonly key: string;
  /** null for a criterion added here. */
  readonly id: Id | null;
  readonly label: string;
  readonly description: string;
  /** As typed: « 1,5 ». */
  readonly weight: string;
  /** Scored by an expert: it cannot be removed. */
  readonly scored: boolean;
}

export function editedCriteria(criteria: readonly CriterionView[], lang: Lang): EditedCriterion[] {
  return criteria.map((criterion) => ({
    key: criterion.id,
    id: criterion.id,
    label: criterion.label,
    description: criterion.description,
    weight: formatWeight(criterion.weight, lang),
    scored: criterion.scored,
  }));
}

/** Moves the criterion at `index` by `delta` places; out of bounds changes nothing. */
export function moveCriterion(items: readonly EditedCriterion[], index: number, delta: -1 | 1): EditedCriterion[] {
  const target = index + delta;
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return [...items];
  const moved = [...items];
  [moved[index], moved[target]] = [moved[target]!, moved[index]!];
  return moved;
}

export function newCriterion(key: string): EditedCriterion {
  return { key, id: null, label: '', description: '', weight: '1', scored: false };
}

export function gridInputOf(items: readonly EditedCriterion[]): GridUpdateInput {
  return {
    criteria: items.map((item) => ({
      ...(item.id === null ? {} : { id: item.id }),
      label: item.label,
      description: item.description,
      weight: parseWeight(item.weight),
    })),
  };
}

export type CheckedGrid = { ok: true; grid: GridUpdate } | { ok: false; fields: Record<string, string> };

/** The request as the schema reads it, or its refusals by field (`criteria.2.weight`) as the server would answer them. */
export function checkGrid(input: GridUpdateInput): CheckedGrid {
  const parsed = gridUpdateSchema.safeParse(input);
  if (parsed.success) return { ok: true, grid: parsed.data };
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) fields[issue.path.join('.')] ??= issue.message;
  return { ok: false, fields };
}
