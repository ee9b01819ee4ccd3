import { Hono } from 'hono';
import type { Action, BoardResource } from '@eprouvette/shared';
import { boardCreateSchema, boardPatchSchema, documentName } from '@eprouvette/shared';
import { boardResource } from '../access/actors.ts';
import { recordActivity } from '../activity/activity-records.ts';
import { getBoard, insertBoard, updateBoard, type BoardChanges, type BoardRecord } from '../records/boards.ts';
import { newId } from '../records/new-id.ts';
import { getOrganisation } from '../records/organisations.ts';
import { boardStart } from '../templates/template-document.ts';
import { check, loadAmi, NOT_FOUND } from './ami-access.ts';
import type { AppEnv } from './context.ts';
import { refused } from './refusals.ts';
import { idParams, jsonBody } from './validate.ts';
import { boardView } from './views.ts';

const UNKNOWN_TEMPLATE = { error: 'Ce modèle n’existe pas ou plus.', code: 'invalid-request', fields: { templateId: 'Modèle inconnu.' } };
const UNKNOWN_ORGANISATION = { error: 'Cette organisation n’existe pas.', code: 'invalid-request', fields: { organisationId: 'Organisation inconnue.' } };

/**
 * The permission each field of a board change needs. A change touching several fields needs all
 * of them: an editor may rename their board but not archive it in the same request.
 */
function actionsFor(board: BoardResource, patch: BoardChanges): Action[] {
  const actions: Action[] = [];
  if (patch.title !== undefined || patch.kind !== undefined) actions.push('board.editMetadata');
  if (patch.organisationId !== undefined && patch.organisationId !== board.organisationId) actions.push('board.transfer');
  if (patch.restricted !== undefined && patch.restricted !== board.restricted) actions.push('board.restrict');
  if (patch.archived === true && !board.archived) actions.push('board.archive');
  if (patch.archived === false && board.archived) actions.push('board.unarchive');
  return actions;
}

function changesAnything(board: BoardRecord, patch: BoardChanges): boolean {
  return (
    (patch.title !== undefined && patch.title !== board.title) ||
    (patch.kind !== undefined && patch.kind !== board.kind) ||
    (patch.organisationId !== undefined && patch.organisationId !== board.organisation.id) ||
    (patch.restricted !== undefined && patch.restricted !== board.restricted) ||
    (patch.archived !== undefined && patch.archived !== board.archived)
  );
}

/** /api/amis/:amiId/boards. */
export const boardRoutes = new Hono<AppEnv>()
  .post('/:amiId/boards', idParams('amiId'), jsonBody(boardCreateSchema), async (c) => {
    const { sql, documents, search } = c.var.services;
    const loaded = await loadAmi(sql, c.var.user, c.req.valid('param').amiId);
    if (!loaded.ok) return refused(c, loaded.refusal);
    const { ami, actor } = loaded;
    const input = c.req.valid('json');
    const organisationId = input.organisationId ?? actor.organisationId;
    if (organisationId === null || (await getOrganisation(sql, organisationId)) === null) return c.json(UNKNOWN_ORGANISATION, 400);
    const refusal = check(actor, 'board.create', { type: 'new-board', amiId: ami.id, amiStatus: ami.status, organisationId });
    if (refusal !== null) return refused(c, refusal);
    const restricted = input.kind === 'proposition' && input.restricted;
    const start = await boardStart(sql, input.templateId, actor.userId);
    if (start === null) return c.json(UNKNOWN_TEMPLATE, 400);
    const id = newId();
    // A template's content is written by the server before the board row, as the AMI text is.
    if (start.update !== null) await documents.append([{ name: documentName({ kind: 'board', amiId: ami.id, boardId: id }), update: start.update }]);
    await insertBoard(sql, { id, amiId: ami.id, title: input.title, kind: input.kind, organisationId, restricted, createdBy: actor.userId });
    await recordActivity(sql, { amiId: ami.id, boardId: id, kind: 'board.created', actorId: actor.userId, data: { title: input.title, kind: input.kind, template: start.template } });
    await search.indexBoard(ami.id, id);
    // A template's content is on the board from the start: searchable at once.
    if (start.update !== null) search.reindex(documentName({ kind: 'board', amiId: ami.id, boardId: id }));
    return c.json(boardView(actor, ami, (await getBoard(sql, ami.id, id))!), 201);
  })
  .get('/:amiId/boards/:boardId', idParams('amiId', 'boardId'), async (c) => {
    const { sql } = c.var.services;
    const { amiId, boardId } = c.req.valid('param');
    const loaded = await loadAmi(sql, c.var.user, amiId);
    if (!loaded.ok) return refused(c, loaded.refusal);
    const board = await getBoard(sql, amiId, boardId);
    if (board === null) return refused(c, NOT_FOUND);
    const refusal = check(loaded.actor, 'board.view', boardResource(loaded.ami, board));
    if (refusal !== null) return refused(c, refusal);
    return c.json(boardView(loaded.actor, loaded.ami, board), 200);
  })
  .patch('/:amiId/boards/:boardId', idParams('amiId', 'boardId'), jsonBody(boardPatchSchema), async (c) => {
    const { sql, liveAccess, search } = c.var.services;
    const { amiId, boardId } = c.req.valid('param');
    const loaded = await loadAmi(sql, c.var.user, amiId);
    if (!loaded.ok) return refused(c, loaded.refusal);
    const { ami, actor } = loaded;
    const board = await getBoard(sql, amiId, boardId);
    if (board === null) return refused(c, NOT_FOUND);
    const patch: BoardChanges = { ...c.req.valid('json') };
    if (patch.organisationId !== undefined && (await getOrganisation(sql, patch.organisationId)) === null) return c.json(UNKNOWN_ORGANISATION, 400);
    const resource = boardResource(ami, board);
    // Each field is checked against the board as it is now; `board.view` first so that a
    // non-member learns nothing from the order of the checks.
    for (const action of ['board.view', ...actionsFor(resource, patch)] as Action[]) {
      const refusal = check(actor, action as 'board.view', resource);
      if (refusal !== null) return refused(c, refusal);
    }
    // A workshop board cannot stay restricted: only proposals can be.
    const kind = patch.kind ?? board.kind;
    if (kind !== 'proposition') {
      if (patch.restricted === true) return refused(c, { allowed: false, code: 'not-proposal', reason: 'Seul un tableau de proposition d’expérimentation peut être réservé à son organisation.' });
      if (board.restricted) patch.restricted = false;
    }
    // A change that changes nothing (archived: false on a live board…) writes nothing and wakes no socket.
    if (!changesAnything(board, patch)) return c.json(boardView(actor, ami, board), 200);
    await updateBoard(sql, board.id, patch);
    await search.indexBoard(ami.id, board.id);
    // Restricting, archiving or handing over changes who may write: open sockets follow at once.
    await liveAccess.refreshAmi(ami.id);
    return c.json(boardView(actor, ami, (await getBoard(sql, amiId, boardId))!), 200);
  });
