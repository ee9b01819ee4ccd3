/**
 * The scoring form's state and its checks, as plain functions: what the expert has ticked and
 * typed, the request it becomes, the errors by field (the schema's and the grid's, from the form
 * or from the server's answer), and the average it makes so far.
 */
import type { Criterion, EvaluationInput, EvaluationSubmission, Id, MyEvaluationView, Recommendation, ScoreValue } from '@eprouvette/shared';
import { criterionField, evaluationInputSchema, scoringProblems, weightedAverage } from '@eprouvette/shared';

export interface ScoringDraft {
  readonly values: Readonly<Record<Id, ScoreValue | null>>;
  readonly comments: Readonly<Record<Id, string>>;
  readonly recommendation: Recommendation | null;
  readonly comment: string;
}

/** The field of a criterion's comment, beside `criterionField` (its score). */
export const criterionCommentField = (criterionId: Id) => `${criterionField(criterionId)}.comment`;

export function draftOf(view: MyEvaluationView): ScoringDraft {
  const values: Record<Id, ScoreValue | null> = {};
  const comments: Record<Id, string> = {};
  for (const score of view.scores) {
    values[score.criterionId] = score.value;
    comments[score.criterionId] = score.comment;
  }
  return { values, comments, recommendation: view.recommendation, comment: view.comment };
}

/** The request: every criterion of the grid, in its order (blank ones as null). */
export function inputOf(criteria: readonly Criterion[], draft: ScoringDraft, submit: boolean): EvaluationInput {
  return {
    submit,
    recommendation: draft.recommendation,
    comment: draft.comment,
    scores: criteria.map((criterion) => ({ criterionId: criterion.id, value: draft.values[criterion.id] ?? null, comment: draft.comments[criterion.id] ?? '' })),
  };
}

/**
 * The answer's fields, renamed for the form: `scores.<index>.comment` (the schema's path, in the
 * order `inputOf` sends) becomes the comment field of that criterion, `scores.<index>.value` and
 * `.criterionId` its score field; the others keep their names.
 */
export function formFields(criteria: readonly Criterion[], fields: Readonly<Record<string, string>>): Record<string, string> {
  const renamed: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields)) {
    const match = /^scores\.(\d+)\.(\w+)$/.exec(path);
    const criterion = match === null ? undefined : criteria[Number(match[1])];
    const name = criterion === undefined ? path : match![2] === 'comment' ? criterionCommentField(criterion.id) : criterionField(criterion.id);
    renamed[name] ??= message;
  }
  return renamed;
}

export type CheckedScoring = { ok: true; submission: EvaluationSubmission } | { ok: false; fields: Record<string, string> };

/** What the server would refuse, checked before sending: the schema (lengths), then the grid. */
export function checkScoring(criteria: readonly Criterion[], input: EvaluationInput): CheckedScoring {
  const parsed = evaluationInputSchema.safeParse(input);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[issue.path.join('.')] ??= issue.message;
    return { ok: false, fields: formFields(criteria, fields) };
  }
  const problems = formFields(criteria, scoringProblems(criteria, parsed.data));
  return Object.keys(problems).length === 0 ? { ok: true, submission: parsed.data } : { ok: false, fields: problems };
}

/** The expert's weighted average as the form stands, or null before any score. */
export function draftAverage(criteria: readonly Criterion[], draft: ScoringDraft): number | null {
  const scores = criteria.flatMap((criterion) => {
    const value = draft.values[criterion.id];
    return value === undefined || value === null ? [] : [{ criterionId: criterion.id, value }];
  });
  return weightedAverage(criteria, scores);
}
