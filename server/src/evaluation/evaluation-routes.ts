/**
 * The evaluation of an AMI's proposals over REST, under /api/amis/:amiId/evaluation:
 *
 *   GET    /                      the grid, the publication, the proposals and the viewer's part (members)
 *   PUT    /grid                  the whole grid, in order (admins, before publication)
 *   GET    /boards/:boardId       the viewer's own evaluation of a proposal (members; empty for non-scorers)
 *   PUT    /boards/:boardId       save it as a draft or hand it in (experts and admins, before publication)
 *   GET    /results               the ranking (admins; every member once published)
 *   GET    /reviews               every expert's evaluations (admins)
 *   POST   /publication           publish the results (admins) — DELETE withdraws them
 *
 * The grid is created with its default criteria the first time a member reads the evaluation.
 */
import { Hono, type Context } from 'hono';
import type { Action, Actor, ApiError, EvaluationView, Id, ReviewsView } from '@eprouvette/shared';
import { evaluationInputSchema, gridUpdateSchema, scoringProblems } from '@eprouvette/shared';
import { recordActivity } from '../activity/activity-records.ts';
import { boardResource } from '../access/actors.ts';
import { check, loadAmi, NOT_FOUND, type Loaded } from '../http/ami-access.ts';
import type { AppEnv } from '../http/context.ts';
import { conflict, refused } from '../http/refusals.ts';
import { idParams, jsonBody } from '../http/validate.ts';
import type { AmiRecord } from '../records/amis.ts';
import { getBoard, listBoards, type BoardRecord } from '../records/boards.ts';
import { newId } from '../records/new-id.ts';
import {
  ensureGrid,
  evaluationStatuses,
  getEvaluation,
  getGrid,
  listEvaluations,
  replaceCriteria,
  saveEvaluation,
  scoredCriteria,
  setPublication,
  type GridRecord,
} from './evaluation-records.ts';
import { evaluationResource, evaluationView, myEvaluationView, proposalsFor, resultsView, reviewViews, scoringResource } from './evaluation-views.ts';

interface Evaluation {
  ami: AmiRecord;
  actor: Actor;
  grid: GridRecord;
}

type EvaluationAction = { [A in Action]: A extends `evaluation.${string}` ? (A extends 'evaluation.score' ? never : A) : never }[Action];

const INVALID = 'Certains champs sont invalides : corrigez-les puis réessayez.';

/**
 * The AMI's evaluation, if the user may `action` on it. Membership is decided before the grid is
 * made, so that nobody else can create one; then the action on the grid as it stands.
 */
async function authorize(c: Context<AppEnv>, amiId: Id, action: EvaluationAction): Promise<Loaded<Evaluation>> {
  const { sql } = c.var.services;
  const loaded = await loadAmi(sql, c.var.user, amiId);
  if (!loaded.ok) return loaded;
  const { ami, actor } = loaded;
  const member = check(actor, 'evaluation.viewGrid', { type: 'evaluation', amiId: ami.id, amiStatus: ami.status, published: false });
  if (member !== null) return { ok: false, refusal: member };
  // Made at the first read only: a plain read afterwards, no write transaction per request.
  let grid = await getGrid(sql, ami.id);
  if (grid === null) {
    await ensureGrid(sql, ami.id, newId);
    grid = (await getGrid(sql, ami.id))!;
  }
  const refusal = check(actor, action, evaluationResource(ami, grid));
  return refusal === null ? { ok: true, ami, actor, grid } : { ok: false, refusal };
}

/** One proposal board of the AMI that the viewer may see; any other board is refused. */
async function proposalOf(c: Context<AppEnv>, { ami, actor }: Evaluation, boardId: Id): Promise<Loaded<{ board: BoardRecord }>> {
  const board = await getBoard(c.var.services.sql, ami.id, boardId);
  if (board === null) return { ok: false, refusal: NOT_FOUND };
  const refusal = check(actor, 'board.view', boardResource(ami, board));
  if (refusal !== null) return { ok: false, refusal };
  if (board.kind !== 'proposition') return { ok: false, refusal: { allowed: false, code: 'not-proposal', reason: "Seuls les tableaux de proposition d'expérimentation sont évalués." } };
  return { ok: true, board };
}

async function pageView(c: Context<AppEnv>, { ami, actor }: Evaluation): Promise<EvaluationView> {
  const { sql } = c.var.services;
  const grid = (await getGrid(sql, ami.id))!;
  return evaluationView({
    actor,
    ami,
    grid,
    proposals: proposalsFor(actor, ami, await listBoards(sql, ami.id)),
    mine: await evaluationStatuses(sql, ami.id, actor.userId),
    scored: await scoredCriteria(sql, ami.id),
  });
}

/** Mounted under /api/amis. */
export const evaluationRoutes = new Hono<AppEnv>()
  .get('/:amiId/evaluation', idParams('amiId'), async (c) => {
    const access = await authorize(c, c.req.valid('param').amiId, 'evaluation.viewGrid');
    if (!access.ok) return refused(c, access.refusal);
    return c.json(await pageView(c, access), 200);
  })
  .put('/:amiId/evaluation/grid', idParams('amiId'), jsonBody(gridUpdateSchema), async (c) => {
    const access = await authorize(c, c.req.valid('param').amiId, 'evaluation.editGrid');
    if (!access.ok) return refused(c, access.refusal);
    const { criteria } = c.req.valid('json');
    const { sql } = c.var.services;
    const result = await replaceCriteria(
      sql,
      access.ami.id,
      criteria.map((criterion) => ({ id: criterion.id ?? null, label: criterion.label, description: criterion.description, weight: criterion.weight })),
      newId,
    );
    if (!result.ok) {
      // Published since the request was authorised: the refusal `decide` now gives.
      if (result.reason === 'published') return refused(c, check(access.actor, 'evaluation.editGrid', { ...evaluationResource(access.ami, access.grid), published: true })!);
      if (result.reason === 'unknown') {
        const body: ApiError = { error: INVALID, code: 'invalid-request', fields: { [`criteria.${result.index}.id`]: 'Ce critère n’est plus dans la grille : rechargez la page.' } };
        return c.json(body, 400);
      }
      const { removed } = result;
      const labels = access.grid.criteria.filter((criterion) => removed.includes(criterion.id)).map((criterion) => `« ${criterion.label} »`);
      return conflict(c, `Un expert a déjà noté ${labels.join(', ')} : un critère noté ne peut plus être retiré de la grille.`, 'criterion-scored');
    }
    return c.json(await pageView(c, access), 200);
  })
  .get('/:amiId/evaluation/boards/:boardId', idParams('amiId', 'boardId'), async (c) => {
    const { amiId, boardId } = c.req.valid('param');
    const access = await authorize(c, amiId, 'evaluation.viewGrid');
    if (!access.ok) return refused(c, access.refusal);
    const proposal = await proposalOf(c, access, boardId);
    if (!proposal.ok) return refused(c, proposal.refusal);
    const { ami, actor, grid } = access;
    const mine = await getEvaluation(c.var.services.sql, ami.id, boardId, actor.userId);
    return c.json(myEvaluationView(actor, ami, grid, proposal.board, mine), 200);
  })
  .put('/:amiId/evaluation/boards/:boardId', idParams('amiId', 'boardId'), jsonBody(evaluationInputSchema), async (c) => {
    const { amiId, boardId } = c.req.valid('param');
    const access = await authorize(c, amiId, 'evaluation.viewGrid');
    if (!access.ok) return refused(c, access.refusal);
    const { ami, actor, grid } = access;
    const board = await getBoard(c.var.services.sql, ami.id, boardId);
    if (board === null) return refused(c, NOT_FOUND);
    const refusal = check(actor, 'evaluation.score', scoringResource(ami, grid, board));
    if (refusal !== null) return refused(c, refusal);
    const input = c.req.valid('json');
    const problems = scoringProblems(grid.criteria, input);
    if (Object.keys(problems).length > 0) return c.json({ error: INVALID, code: 'invalid-request', fields: problems } satisfies ApiError, 400);
    const { sql } = c.var.services;
    const saved = await saveEvaluation(sql, {
      amiId: ami.id,
      boardId: board.id,
      expertId: actor.userId,
      status: input.submit ? 'submitted' : 'draft',
      recommendation: input.recommendation,
      comment: input.comment,
      scores: input.scores,
    });
    if (saved === 'published') return refused(c, check(actor, 'evaluation.score', { ...scoringResource(ami, grid, board), published: true })!);
    if (saved === 'grid-changed') return conflict(c, 'La grille d’évaluation a changé pendant votre saisie : rechargez la page.', 'grid-changed');
    return c.json(myEvaluationView(actor, ami, grid, board, await getEvaluation(sql, ami.id, board.id, actor.userId)), 200);
  })
  .get('/:amiId/evaluation/results', idParams('amiId'), async (c) => {
    const access = await authorize(c, c.req.valid('param').amiId, 'evaluation.viewResults');
    if (!access.ok) return refused(c, access.refusal);
    const { sql } = c.var.services;
    const { ami, actor, grid } = access;
    return c.json(resultsView(grid, proposalsFor(actor, ami, await listBoards(sql, ami.id)), await listEvaluations(sql, ami.id)), 200);
  })
  .get('/:amiId/evaluation/reviews', idParams('amiId'), async (c) => {
    const access = await authorize(c, c.req.valid('param').amiId, 'evaluation.viewAllScores');
    if (!access.ok) return refused(c, access.refusal);
    const { sql } = c.var.services;
    const { ami, actor, grid } = access;
    const reviews = reviewViews(grid, proposalsFor(actor, ami, await listBoards(sql, ami.id)), await listEvaluations(sql, ami.id));
    return c.json({ reviews } satisfies ReviewsView, 200);
  })
  .post('/:amiId/evaluation/publication', idParams('amiId'), async (c) => {
    const access = await authorize(c, c.req.valid('param').amiId, 'evaluation.publish');
    if (!access.ok) return refused(c, access.refusal);
    const { sql } = c.var.services;
    const { ami, actor } = access;
    const handedIn = (await listEvaluations(sql, ami.id)).some((evaluation) => evaluation.status === 'submitted');
    if (!handedIn) return conflict(c, 'Aucun expert n’a encore transmis d’évaluation : il n’y a pas de résultats à publier.', 'nothing-to-publish');
    if (await setPublication(sql, ami.id, actor.userId)) {
      await recordActivity(sql, { amiId: ami.id, boardId: null, kind: 'scores.published', actorId: actor.userId, data: {} });
    }
    return c.json(await pageView(c, access), 200);
  })
  .delete('/:amiId/evaluation/publication', idParams('amiId'), async (c) => {
    const access = await authorize(c, c.req.valid('param').amiId, 'evaluation.publish');
    if (!access.ok) return refused(c, access.refusal);
    await setPublication(c.var.services.sql, access.ami.id, null);
    return c.json(await pageView(c, access), 200);
  });
