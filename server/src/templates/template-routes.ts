/**
 * /api/templates: the template library (essaimage).
 *
 *   GET    /api/templates?domain=&tag=   the library, newest first (any signed-in user)
 *   GET    /api/templates/:templateId    one template with its shapes (any signed-in user)
 *   POST   /api/templates                publish a board or some of its frames (the AMI's admins)
 *   DELETE /api/templates/:templateId    (its publisher, platform admins)
 *
 * Publishing never takes shapes from the client: the server reads the live board, as everyone
 * connected sees it, and keeps what was chosen (`extractTemplate`). Starting a board from a
 * template is board creation with a `templateId` (board-routes.ts).
 */
import { Hono } from 'hono';
import * as Y from 'yjs';
import type { Actor, ApiError, Shape, TemplateResource, TemplateSummaryView, TemplateView } from '@eprouvette/shared';
import { can, documentName, extractTemplate, readBoard, templateListQuerySchema, templatePublishSchema } from '@eprouvette/shared';
import { platformActor } from '../access/actors.ts';
import { recordActivity } from '../activity/activity-records.ts';
import { authorizeOnBoard } from '../comments/board-target.ts';
import type { LiveDocuments } from '../documents/live-documents.ts';
import { check } from '../http/ami-access.ts';
import type { AppEnv } from '../http/context.ts';
import { notFound, refused } from '../http/refusals.ts';
import { idParams, jsonBody, queryOf } from '../http/validate.ts';
import { getDomain } from '../records/domains.ts';
import { newId } from '../records/new-id.ts';
import { deleteTemplate, getTemplate, getTemplateContent, insertTemplate, listTemplates, type TemplateRecord } from './template-records.ts';

const SIGNED_OUT = { allowed: false, code: 'unauthenticated', reason: 'Vous devez vous connecter.' } as const;
const UNKNOWN_DOMAIN: ApiError = { error: 'Ce domaine n’existe pas.', code: 'invalid-request', fields: { domain: 'Domaine inconnu.' } };
const NOTHING_TO_PUBLISH = 'Rien à publier : ce tableau, ou les cadres choisis, ne contiennent aucune forme reprise dans un modèle.';

const resourceOf = (template: TemplateRecord): TemplateResource => ({ type: 'template', publishedBy: template.publishedBy?.id ?? null });

function summaryView(actor: Actor, template: TemplateRecord): TemplateSummaryView {
  return {
    id: template.id,
    title: template.title,
    description: template.description,
    domain: template.domain,
    tags: template.tags,
    origin: { organisation: template.origin.organisation, amiId: template.origin.amiId, amiTitle: template.origin.amiTitle },
    publishedBy: template.publishedBy,
    createdAt: new Date(template.createdAt).toISOString(),
    shapeCount: template.shapeCount,
    droppedImages: template.droppedImages,
    allowed: can(actor, 'template.delete', resourceOf(template)) ? ['template.delete'] : [],
  };
}

/** The board's shapes as everyone connected sees them now. */
async function liveShapes(liveDocuments: LiveDocuments, name: string): Promise<Shape[]> {
  const live = new Y.Doc();
  try {
    Y.applyUpdate(live, await liveDocuments.state(name));
    return readBoard(live).shapes;
  } finally {
    live.destroy();
  }
}

export const templateRoutes = new Hono<AppEnv>()
  .get('/', queryOf(templateListQuerySchema), async (c) => {
    const actor = platformActor(c.var.user);
    if (actor === null) return refused(c, SIGNED_OUT);
    const templates = await listTemplates(c.var.services.sql, c.req.valid('query'));
    return c.json(templates.map((template) => summaryView(actor, template)), 200);
  })
  .get('/:templateId', idParams('templateId'), async (c) => {
    const actor = platformActor(c.var.user);
    if (actor === null) return refused(c, SIGNED_OUT);
    const { sql } = c.var.services;
    const { templateId } = c.req.valid('param');
    const [template, content] = await Promise.all([getTemplate(sql, templateId), getTemplateContent(sql, templateId)]);
    if (template === null || content === null) return notFound(c);
    return c.json({ ...summaryView(actor, template), content } satisfies TemplateView, 200);
  })
  .post('/', jsonBody(templatePublishSchema), async (c) => {
    const { sql, liveDocuments } = c.var.services;
    const input = c.req.valid('json');
    const loaded = await authorizeOnBoard(sql, c.var.user, input.amiId, input.boardId, 'board.view');
    if (!loaded.ok) return refused(c, loaded.refusal);
    const { ami, board, actor } = loaded;
    const refusal = check(actor, 'template.publish', { type: 'ami', amiId: ami.id, status: ami.status });
    if (refusal !== null) return refused(c, refusal);
    if ((await getDomain(sql, input.domain)) === null) return c.json(UNKNOWN_DOMAIN, 400);
    const shapes = await liveShapes(liveDocuments, documentName({ kind: 'board', amiId: ami.id, boardId: board.id }));
    const extracted = extractTemplate(shapes, input.frameIds, actor.userId);
    if (!extracted.ok) {
      const message = 'Certains cadres choisis ne sont plus sur le tableau : rechargez la page et choisissez à nouveau.';
      return c.json({ error: message, code: 'invalid-request', fields: { frameIds: message } } satisfies ApiError, 400);
    }
    const { content, droppedImages } = extracted.extraction;
    if (content.shapes.length === 0) return c.json({ error: NOTHING_TO_PUBLISH, code: 'invalid-request', fields: { frameIds: NOTHING_TO_PUBLISH } } satisfies ApiError, 400);
    const id = newId();
    await insertTemplate(sql, {
      id,
      title: input.title,
      description: input.description,
      domain: input.domain,
      tags: input.tags,
      origin: { organisationId: board.organisation.id, organisation: board.organisation.name, amiId: ami.id, amiTitle: ami.title, boardId: board.id },
      publishedBy: actor.userId,
      content,
      droppedImages,
    });
    await recordActivity(sql, { amiId: ami.id, boardId: board.id, kind: 'template.published', actorId: actor.userId, data: { templateId: id, title: input.title } });
    const template = (await getTemplate(sql, id))!;
    return c.json({ ...summaryView(actor, template), content } satisfies TemplateView, 201);
  })
  .delete('/:templateId', idParams('templateId'), async (c) => {
    const actor = platformActor(c.var.user);
    if (actor === null) return refused(c, SIGNED_OUT);
    const { sql } = c.var.services;
    const template = await getTemplate(sql, c.req.valid('param').templateId);
    if (template === null) return notFound(c);
    const refusal = check(actor, 'template.delete', resourceOf(template));
    if (refusal !== null) return refused(c, refusal);
    await deleteTemplate(sql, template.id);
    return c.json({ ok: true as const }, 200);
  });
