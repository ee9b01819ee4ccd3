/**
 * The evaluation's JSON views, from the records and what `decide` allows the viewer. The ranking
 * counts handed-in evaluations only, and never carries one expert's scores or comments: those are
 * in the reviews, for the AMI's admins.
 */
import type {
  Action,
  Actor,
  CriterionScore,
  EvaluationResource,
  EvaluationView,
  ExpertReviewView,
  MyEvaluationView,
  PublicationView,
  ResultsView,
  ScoringResource,
} from '@eprouvette/shared';
import { can, decide, rankProposals, weightedAverage } from '@eprouvette/shared';
import { boardResource } from '../access/actors.ts';
import type { AmiRecord } from '../records/amis.ts';
import type { BoardRecord } from '../records/boards.ts';
import type { EvaluationRecord, GridRecord, ScoreRecord } from './evaluation-records.ts';

const iso = (ms: number) => new Date(ms).toISOString();

/** What the evaluation page may offer besides scoring, which is decided per proposal. */
const EVALUATION_ACTIONS = ['evaluation.viewGrid', 'evaluation.editGrid', 'evaluation.viewAllScores', 'evaluation.publish', 'evaluation.viewResults'] as const satisfies readonly Action[];

export const evaluationResource = (ami: AmiRecord, grid: GridRecord): EvaluationResource => ({
  type: 'evaluation',
  amiId: ami.id,
  amiStatus: ami.status,
  published: grid.publishedAt !== null,
});

export const scoringResource = (ami: AmiRecord, grid: GridRecord, board: BoardRecord): ScoringResource => ({
  ...boardResource(ami, board),
  type: 'scoring',
  published: grid.publishedAt !== null,
});

export function publicationView(grid: GridRecord): PublicationView | null {
  return grid.publishedAt === null ? null : { at: iso(grid.publishedAt), by: grid.publishedBy?.name ?? null };
}

/** The proposal boards the viewer may see: what is scored and ranked. */
export function proposalsFor(actor: Actor, ami: AmiRecord, boards: readonly BoardRecord[]): BoardRecord[] {
  return boards.filter((board) => board.kind === 'proposition' && can(actor, 'board.view', boardResource(ami, board)));
}

export interface EvaluationViewInput {
  actor: Actor;
  ami: AmiRecord;
  grid: GridRecord;
  proposals: readonly BoardRecord[];
  /** The viewer's own evaluations, by board. */
  mine: ReadonlyMap<string, EvaluationRecord['status']>;
  /** Criteria carrying scores; told to those who see every score only. */
  scored: ReadonlySet<string>;
}

export function evaluationView({ actor, ami, grid, proposals, mine, scored }: EvaluationViewInput): EvaluationView {
  const resource = evaluationResource(ami, grid);
  const allowed: Action[] = EVALUATION_ACTIONS.filter((action) => can(actor, action, resource));
  const seesScores = allowed.includes('evaluation.viewAllScores');
  const rows = proposals.map((board) => ({
    boardId: board.id,
    title: board.title,
    organisation: board.organisation.name,
    archived: board.archived,
    mine: mine.get(board.id) ?? null,
    canScore: can(actor, 'evaluation.score', scoringResource(ami, grid, board)),
  }));
  if (rows.some((row) => row.canScore)) allowed.push('evaluation.score');
  return {
    amiId: ami.id,
    criteria: grid.criteria.map((criterion) => ({ ...criterion, scored: seesScores && scored.has(criterion.id) })),
    publication: publicationView(grid),
    allowed,
    proposals: rows,
  };
}

export function myEvaluationView(actor: Actor, ami: AmiRecord, grid: GridRecord, board: BoardRecord, evaluation: EvaluationRecord | null): MyEvaluationView {
  const decision = decide(actor, 'evaluation.score', scoringResource(ami, grid, board));
  return {
    board: { id: board.id, title: board.title, organisation: board.organisation.name, archived: board.archived },
    criteria: grid.criteria,
    status: evaluation?.status ?? null,
    recommendation: evaluation?.recommendation ?? null,
    comment: evaluation?.comment ?? '',
    scores: evaluation?.scores ?? [],
    updatedAt: evaluation === null ? null : iso(evaluation.updatedAt),
    canScore: decision.allowed,
    refusal: decision.allowed ? null : decision.reason,
    publication: publicationView(grid),
  };
}

const valued = (scores: readonly ScoreRecord[]): CriterionScore[] =>
  scores.flatMap((score) => (score.value === null ? [] : [{ criterionId: score.criterionId, value: score.value }]));

export function resultsView(grid: GridRecord, proposals: readonly BoardRecord[], evaluations: readonly EvaluationRecord[]): ResultsView {
  const candidates = new Set(proposals.map((board) => board.id));
  const counted = evaluations.filter((evaluation) => evaluation.status === 'submitted' && candidates.has(evaluation.boardId));
  const ranking = rankProposals(
    grid.criteria,
    proposals.map((board) => ({ id: board.id, title: board.title })),
    counted.map((evaluation) => ({ boardId: evaluation.boardId, expertId: evaluation.expert.id, recommendation: evaluation.recommendation, scores: valued(evaluation.scores) })),
  );
  const boards = new Map(proposals.map((board) => [board.id, board]));
  return {
    criteria: grid.criteria,
    publication: publicationView(grid),
    ranking: ranking.map((result) => {
      const board = boards.get(result.boardId)!;
      return { ...result, title: board.title, organisation: board.organisation.name, archived: board.archived };
    }),
    experts: new Set(counted.map((evaluation) => evaluation.expert.id)).size,
  };
}

export function reviewViews(grid: GridRecord, proposals: readonly BoardRecord[], evaluations: readonly EvaluationRecord[]): ExpertReviewView[] {
  const candidates = new Set(proposals.map((board) => board.id));
  return evaluations
    .filter((evaluation) => candidates.has(evaluation.boardId))
    .map((evaluation) => ({
      boardId: evaluation.boardId,
      expert: evaluation.expert,
      status: evaluation.status,
      recommendation: evaluation.recommendation,
      comment: evaluation.comment,
      average: weightedAverage(grid.criteria, valued(evaluation.scores)),
      scores: evaluation.scores,
      updatedAt: iso(evaluation.updatedAt),
    }));
}
