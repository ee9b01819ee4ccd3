import { Hono } from 'hono';
import type { AmiSummaryView, ApiError } from '@eprouvette/shared';
import { amiInputSchema, amiStatusChangeSchema, documentName } from '@eprouvette/shared';
import { platformActor } from '../access/actors.ts';
import { recordActivity } from '../activity/activity-records.ts';
import { amiTextInitialUpdate } from '../documents/ami-text-template.ts';
import { deleteAmi, getAmi, insertAmi, listAmisFor, setAmiStatus, updateAmi } from '../records/amis.ts';
import { countBoardsByAmi, listBoards } from '../records/boards.ts';
import { getDomain } from '../records/domains.ts';
import { grantMembership } from '../records/memberships.ts';
import { newId } from '../records/new-id.ts';
import { deleteVersionsWithPrefix } from '../versions/version-records.ts';
import { authorizeOnAmi, check, loadAmi } from './ami-access.ts';
import type { AppEnv } from './context.ts';
import { conflict, refused } from './refusals.ts';
import { idParams, jsonBody } from './validate.ts';
import { amiDetailView, amiSummaryView } from './views.ts';

const UNKNOWN_DOMAIN: ApiError = { error: 'Ce domaine n’existe pas.', code: 'invalid-request', fields: { domain: 'Domaine inconnu.' } };

/** /api/amis: list, create, read, edit, change status, delete. */
export const amiRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const { sql } = c.var.services;
    const user = c.var.user;
    const actor = platformActor(user);
    if (user === null || actor === null) return refused(c, { allowed: false, code: 'unauthenticated', reason: 'Vous devez vous connecter.' });
    const amis = await listAmisFor(sql, user.id, user.platformAdmin);
    const counts = await countBoardsByAmi(sql, amis.map((ami) => ami.id));
    const views: AmiSummaryView[] = [];
    for (const ami of amis) {
      const onAmi = await loadAmi(sql, user, ami.id);
      if (onAmi.ok) views.push(amiSummaryView(onAmi.actor, ami, counts.get(ami.id) ?? 0));
    }
    return c.json(views, 200);
  })
  .post('/', jsonBody(amiInputSchema), async (c) => {
    const { sql, documents, search } = c.var.services;
    const user = c.var.user;
    const refusal = check(platformActor(user), 'ami.create', { type: 'platform' });
    if (refusal !== null || user === null) return refused(c, refusal!);
    const input = c.req.valid('json');
    const domain = await getDomain(sql, input.domain);
    if (domain === null) return c.json(UNKNOWN_DOMAIN, 400);
    const id = newId();
    // The text is written by the server, once, before anyone can open it: a client never seeds a
    // shared document (two seeding at once would duplicate the template). Written before the AMI
    // row: if the row then fails, the orphan document is unreachable, never an AMI without text.
    await documents.append([{ name: documentName({ kind: 'ami-text', amiId: id }), update: amiTextInitialUpdate({ title: input.title, domainName: domain.name }) }]);
    await sql.transaction(async (tx) => {
      await insertAmi(tx, id, input, user.id);
      await grantMembership(tx, { amiId: id, userId: user.id, role: 'owner', invitationId: null });
    });
    await search.indexAmi(id);
    search.reindex(documentName({ kind: 'ami-text', amiId: id }));
    const loaded = await loadAmi(sql, user, id);
    if (!loaded.ok) return refused(c, loaded.refusal);
    return c.json(amiDetailView(loaded.actor, loaded.ami, []), 201);
  })
  .get('/:amiId', idParams('amiId'), async (c) => {
    const { sql } = c.var.services;
    const loaded = await authorizeOnAmi(sql, c.var.user, c.req.valid('param').amiId, 'ami.view');
    if (!loaded.ok) return refused(c, loaded.refusal);
    return c.json(amiDetailView(loaded.actor, loaded.ami, await listBoards(sql, loaded.ami.id)), 200);
  })
  .put('/:amiId', idParams('amiId'), jsonBody(amiInputSchema), async (c) => {
    const { sql, search } = c.var.services;
    const loaded = await authorizeOnAmi(sql, c.var.user, c.req.valid('param').amiId, 'ami.edit');
    if (!loaded.ok) return refused(c, loaded.refusal);
    const input = c.req.valid('json');
    if ((await getDomain(sql, input.domain)) === null) return c.json(UNKNOWN_DOMAIN, 400);
    await updateAmi(sql, loaded.ami.id, input);
    await search.indexAmi(loaded.ami.id);
    const ami = (await getAmi(sql, loaded.ami.id))!;
    return c.json(amiDetailView(loaded.actor, ami, await listBoards(sql, ami.id)), 200);
  })
  .post('/:amiId/status', idParams('amiId'), jsonBody(amiStatusChangeSchema), async (c) => {
    const { sql, liveAccess } = c.var.services;
    const { status } = c.req.valid('json');
    const loaded = await authorizeOnAmi(sql, c.var.user, c.req.valid('param').amiId, 'ami.changeStatus', { to: status });
    if (!loaded.ok) return refused(c, loaded.refusal);
    if (!(await setAmiStatus(sql, loaded.ami.id, loaded.ami.status, status))) {
      return conflict(c, 'Le statut de cet AMI vient d’être changé par quelqu’un d’autre : rechargez la page.', 'stale');
    }
    await recordActivity(sql, { amiId: loaded.ami.id, boardId: null, kind: 'ami.status', actorId: loaded.actor.userId, data: { from: loaded.ami.status, to: status } });
    // Closing an AMI makes its documents read-only (and reopening writable) for open sockets too.
    await liveAccess.refreshAmi(loaded.ami.id);
    const ami = (await getAmi(sql, loaded.ami.id))!;
    return c.json(amiDetailView(loaded.actor, ami, await listBoards(sql, ami.id)), 200);
  })
  .delete('/:amiId', idParams('amiId'), async (c) => {
    const { sql, documents, liveAccess, versions, search } = c.var.services;
    const loaded = await authorizeOnAmi(sql, c.var.user, c.req.valid('param').amiId, 'ami.delete');
    if (!loaded.ok) return refused(c, loaded.refusal);
    // Records first: from then on the gate refuses every socket, so no document is reopened
    // between dropping the loaded ones and deleting their bytes.
    await deleteAmi(sql, loaded.ami.id);
    // The sockets about to close would otherwise leave versions behind.
    await versions.forgetAmi(loaded.ami.id);
    await search.forgetAmi(loaded.ami.id);
    await liveAccess.dropAmi(loaded.ami.id);
    await documents.deleteWithPrefix(`ami-${loaded.ami.id}.`);
    await deleteVersionsWithPrefix(sql, `ami-${loaded.ami.id}.`);
    return c.json({ ok: true as const }, 200);
  });
