/**
 * Versions over REST, the same four routes for the AMI text and for a board:
 *
 *   GET  …/versions                       the list, newest first (readers)
 *   POST …/versions {label}               name the document as it is now (editors)
 *   GET  …/versions/:versionId            the version's state, a Yjs update (readers)
 *   POST …/versions/:versionId/restore    bring it back for everyone (editors)
 *
 * where … is `/:amiId/text` or `/:amiId/boards/:boardId`. Only `DocumentTarget` differs: which
 * document, who may read and edit it, and how a version is put back into it.
 */
import { Hono, type Context } from 'hono';
import * as Y from 'yjs';
import type { Actor, ApiError, VersionCreateInput, VersionListView, VersionRestoreView, VersionView } from '@eprouvette/shared';
import { documentName, restoreBoard, restoreText, versionCreateSchema } from '@eprouvette/shared';
import { amiResource, boardResource } from '../access/actors.ts';
import { versionActivity } from '../activity/activity-hooks.ts';
import { check, loadAmi, NOT_FOUND, type Loaded } from '../http/ami-access.ts';
import type { AppEnv } from '../http/context.ts';
import { refused, type Refusal } from '../http/refusals.ts';
import { idParams, jsonBody } from '../http/validate.ts';
import { getBoard } from '../records/boards.ts';
import type { User } from '../records/users.ts';
import type { SqlClient } from '../storage/sql-client.ts';
import { authorNames, getVersion, listVersions, type VersionRecord } from './version-records.ts';

interface DocumentTarget {
  actor: Actor;
  document: string;
  /** Why the user may not read the document, or null. */
  readRefusal: Refusal | null;
  /** Why the user may not change it (name or restore a version), or null. */
  editRefusal: Refusal | null;
  /** Makes the live document equal the version, as one change on top of it. */
  restore(doc: Y.Doc, version: Y.Doc): void;
}

type ResolveTarget<Ids> = (sql: SqlClient, user: User | null, ids: Ids) => Promise<Loaded<{ target: DocumentTarget }>>;

const amiText: ResolveTarget<{ amiId: string }> = async (sql, user, { amiId }) => {
  const loaded = await loadAmi(sql, user, amiId);
  if (!loaded.ok) return loaded;
  const { actor, ami } = loaded;
  const resource = amiResource(ami);
  return {
    ok: true,
    target: {
      actor,
      document: documentName({ kind: 'ami-text', amiId: ami.id }),
      readRefusal: check(actor, 'amiText.view', resource),
      editRefusal: check(actor, 'amiText.edit', resource),
      restore: restoreText,
    },
  };
};

const board: ResolveTarget<{ amiId: string; boardId: string }> = async (sql, user, { amiId, boardId }) => {
  const loaded = await loadAmi(sql, user, amiId);
  if (!loaded.ok) return loaded;
  const { actor, ami } = loaded;
  const record = await getBoard(sql, ami.id, boardId);
  if (record === null) return { ok: false, refusal: NOT_FOUND };
  const resource = boardResource(ami, record);
  return {
    ok: true,
    target: {
      actor,
      document: documentName({ kind: 'board', amiId: ami.id, boardId: record.id }),
      readRefusal: check(actor, 'board.view', resource),
      editRefusal: check(actor, 'board.editContent', resource),
      restore: restoreBoard,
    },
  };
};

const UNKNOWN_VERSION: ApiError = { error: 'Cette version n’existe pas pour ce document.', code: 'not-found' };

async function versionViews(sql: SqlClient, versions: readonly VersionRecord[]): Promise<VersionView[]> {
  const names = await authorNames(sql, versions.flatMap((version) => version.authors));
  return versions.map((version) => ({
    id: version.id,
    kind: version.kind,
    label: version.label,
    authors: version.authors.map((id) => ({ id, name: names.get(id) ?? null })),
    createdAt: new Date(version.createdAt).toISOString(),
    bytes: version.bytes,
  }));
}

async function versionView(sql: SqlClient, version: VersionRecord): Promise<VersionView> {
  return (await versionViews(sql, [version]))[0]!;
}

/**
 * The document behind the request, if the user may `need` it: a refusal to read comes first, so
 * that someone who may not even read learns nothing more from a refusal to edit.
 */
async function authorize<Ids>(c: Context<AppEnv>, resolve: ResolveTarget<Ids>, ids: Ids, need: 'read' | 'edit'): Promise<Loaded<{ target: DocumentTarget }>> {
  const resolved = await resolve(c.var.services.sql, c.var.user, ids);
  if (!resolved.ok) return resolved;
  const { target } = resolved;
  const refusal = target.readRefusal ?? (need === 'edit' ? target.editRefusal : null);
  return refusal === null ? resolved : { ok: false, refusal };
}

/*
 * The four handlers, written once; the routes below bind them to the text and to boards. Each
 * takes the document's ids as the route validated them.
 */

async function list<Ids>(c: Context<AppEnv>, resolve: ResolveTarget<Ids>, ids: Ids) {
  const access = await authorize(c, resolve, ids, 'read');
  if (!access.ok) return refused(c, access.refusal);
  const { sql } = c.var.services;
  const versions = await versionViews(sql, await listVersions(sql, access.target.document));
  return c.json({ versions, canEdit: access.target.editRefusal === null } satisfies VersionListView, 200);
}

async function name<Ids>(c: Context<AppEnv>, resolve: ResolveTarget<Ids>, ids: Ids, input: VersionCreateInput) {
  const access = await authorize(c, resolve, ids, 'edit');
  if (!access.ok) return refused(c, access.refusal);
  const { sql, versions } = c.var.services;
  const { target } = access;
  const version = await versions.named(target.document, input.label, target.actor.userId);
  return c.json(await versionView(sql, version), 201);
}

async function content<Ids>(c: Context<AppEnv>, resolve: ResolveTarget<Ids>, ids: Ids, versionId: string) {
  const access = await authorize(c, resolve, ids, 'read');
  if (!access.ok) return refused(c, access.refusal);
  const version = await getVersion(c.var.services.sql, access.target.document, versionId);
  if (version === null) return c.json(UNKNOWN_VERSION, 404);
  return c.body(version.state.slice().buffer, 200, { 'Content-Type': 'application/octet-stream' });
}

async function restore<Ids>(c: Context<AppEnv>, resolve: ResolveTarget<Ids>, ids: Ids, versionId: string) {
  const access = await authorize(c, resolve, ids, 'edit');
  if (!access.ok) return refused(c, access.refusal);
  const { sql, versions, liveDocuments } = c.var.services;
  const { target } = access;
  const version = await getVersion(sql, target.document, versionId);
  if (version === null) return c.json(UNKNOWN_VERSION, 404);
  const stored = new Y.Doc();
  try {
    Y.applyUpdate(stored, version.state);
    // What is about to be replaced stays one click away.
    const before = await versions.beforeRestore(target.document);
    await versions.asAuthor(target.document, target.actor.userId, () => liveDocuments.change(target.document, (doc) => target.restore(doc, stored)));
    return c.json({ before: await versionView(sql, before) } satisfies VersionRestoreView, 200);
  } finally {
    stored.destroy();
  }
}

const TEXT = '/:amiId/text/versions';
const BOARD = '/:amiId/boards/:boardId/versions';

/** Mounted under /api/amis. */
export const versionRoutes = new Hono<AppEnv>()
  // Named and restored versions go to the AMI's activity feed.
  .use(`${TEXT}/*`, versionActivity)
  .use(`${BOARD}/*`, versionActivity)
  .get(TEXT, idParams('amiId'), (c) => list(c, amiText, c.req.valid('param')))
  .post(TEXT, idParams('amiId'), jsonBody(versionCreateSchema), (c) => name(c, amiText, c.req.valid('param'), c.req.valid('json')))
  .get(`${TEXT}/:versionId`, idParams('amiId', 'versionId'), (c) => content(c, amiText, c.req.valid('param'), c.req.valid('param').versionId))
  .post(`${TEXT}/:versionId/restore`, idParams('amiId', 'versionId'), (c) => restore(c, amiText, c.req.valid('param'), c.req.valid('param').versionId))
  .get(BOARD, idParams('amiId', 'boardId'), (c) => list(c, board, c.req.valid('param')))
  .post(BOARD, idParams('amiId', 'boardId'), jsonBody(versionCreateSchema), (c) => name(c, board, c.req.valid('param'), c.req.valid('json')))
  .get(`${BOARD}/:versionId`, idParams('amiId', 'boardId', 'versionId'), (c) => content(c, board, c.req.valid('param'), c.req.valid('param').versionId))
  .post(`${BOARD}/:versionId/restore`, idParams('amiId', 'boardId', 'versionId'), (c) =>
    restore(c, board, c.req.valid('param'), c.req.valid('param').versionId),
  );
