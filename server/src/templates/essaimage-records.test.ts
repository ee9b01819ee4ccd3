/**
 * The records of migration 8 on both backends: templates, the AMI activity and board visits give
 * the same answers on SQLite and on PostgreSQL (PGUSER=$(whoami), 127.0.0.1:5432, database
 * `test`, a schema of its own).
 */
import { describe, expect, it } from 'vitest';
import { BOARD_JSON_FORMAT, type BoardJson } from '@eprouvette/shared';
import { listActivity, recordActivity } from '../activity/activity-records.ts';
import { getVisit, saveVisit } from '../activity/visit-records.ts';
import { deleteAmi, insertAmi } from '../records/amis.ts';
import { insertBoard } from '../records/boards.ts';
import { seedDomains } from '../records/domains.ts';
import { findOrCreateOrganisation } from '../records/organisations.ts';
import { createUser, deleteUser } from '../records/users.ts';
import type { Storage } from '../storage/document-store.ts';
import { onBothBackends } from '../testing/both-backends.ts';
import { deleteTemplate, getTemplate, getTemplateContent, insertTemplate, listTemplates } from './template-records.ts';

const answers = onBothBackends('essaimage');

const T = Date.UTC(2026, 9, 1, 9, 0, 0);
const AMI = 'aaaaaaaaaaaaaaaa';
const BOARD = 'bbbbbbbbbbbbbbbb';
const content: BoardJson = {
  format: BOARD_JSON_FORMAT,
  version: 1,
  shapes: [{ id: 'cccccccccccccccc', type: 'sticky', x: 0, y: 0, w: 200, h: 200, z: 'V', parent: null, locked: false, author: 'p', color: 'jaune', text: 'Sondes d’humidité du sol' }],
};

async function scenario(storage: Storage): Promise<unknown> {
  const { sql } = storage;
  await seedDomains(sql, T);
  const commune = await findOrCreateOrganisation(sql, { name: 'Commune de Wimereux', type: 'commune' });
  const claire = (await createUser(sql, { email: 'claire@region.example', name: 'Claire Vasseur', organisationId: null, passwordHash: 'h' }, T))!;
  const paul = (await createUser(sql, { email: 'paul@wimereux.example', name: 'Paul Martin', organisationId: commune.id, passwordHash: 'h' }, T))!;
  const fields = { title: 'Gestion de l’eau 2026', domain: 'gestion-eau', dates: { opensOn: null, closesOn: null, endsOn: null }, envelopeEuros: null, summary: '', tags: [] };
  await insertAmi(sql, AMI, fields, claire.id, T);
  await insertBoard(sql, { id: BOARD, amiId: AMI, title: 'Sondes', kind: 'proposition', organisationId: commune.id, restricted: false, createdBy: paul.id }, T);
  const out: Record<string, unknown> = {};

  const origin = { organisationId: commune.id, organisation: commune.name, amiId: AMI, amiTitle: fields.title, boardId: BOARD };
  await insertTemplate(sql, { id: 'tttttttttttttttt', title: 'Arrosage raisonné', description: 'Sondes et seuils.', domain: 'gestion-eau', tags: ['capteurs-iot'], origin, publishedBy: claire.id, content, droppedImages: 1 }, T);
  await insertTemplate(sql, { id: 'uuuuuuuuuuuuuuuu', title: 'Éclairage', description: '', domain: 'pilotage-energetique', tags: ['donnees-ia', 'capteurs-iot'], origin, publishedBy: paul.id, content, droppedImages: 0 }, T + 1);
  out.all = (await listTemplates(sql, {})).map((template) => template.id);
  out.water = (await listTemplates(sql, { domain: 'gestion-eau' })).map((template) => template.id);
  out.data = (await listTemplates(sql, { tag: 'donnees-ia' })).map((template) => template.id);
  out.one = await getTemplate(sql, 'tttttttttttttttt');
  out.content = await getTemplateContent(sql, 'tttttttttttttttt');

  await recordActivity(sql, { amiId: AMI, boardId: BOARD, kind: 'board.created', actorId: paul.id, data: { title: 'Sondes', kind: 'proposition', template: null } }, T);
  await recordActivity(sql, { amiId: AMI, boardId: null, kind: 'ami.status', actorId: claire.id, data: { from: 'brouillon', to: 'publie' } }, T + 1);
  await recordActivity(sql, { amiId: AMI, boardId: null, kind: 'scores.published', actorId: claire.id, data: {} }, T + 2);
  const page = await listActivity(sql, AMI, { before: null, limit: 2 });
  out.page = page.map(({ id: _id, ...event }) => event);
  out.older = (await listActivity(sql, AMI, { before: page.at(-1)!.id, limit: 2 })).map((event) => event.kind);

  await saveVisit(sql, paul.id, BOARD, new Uint8Array([1, 2, 3]), T);
  await saveVisit(sql, paul.id, BOARD, new Uint8Array([0, 0, 255]), T + 5);
  const visit = await getVisit(sql, paul.id, BOARD);
  out.visit = { snapshot: [...visit!.snapshot], visitedAt: visit!.visitedAt };
  out.noVisit = await getVisit(sql, claire.id, BOARD);

  // A deleted account leaves its events and templates, unnamed; a deleted AMI takes its activity
  // and visits, not the templates published from it.
  await deleteUser(sql, paul.id);
  out.afterAccountDeleted = { actor: (await listActivity(sql, AMI, { before: null, limit: 5 })).at(-1)!.actor, publisher: (await getTemplate(sql, 'uuuuuuuuuuuuuuuu'))!.publishedBy };
  await deleteAmi(sql, AMI);
  out.afterAmiDeleted = { activity: (await listActivity(sql, AMI, { before: null, limit: 5 })).length, origin: (await getTemplate(sql, 'tttttttttttttttt'))!.origin.amiTitle };
  await deleteTemplate(sql, 'tttttttttttttttt');
  out.afterTemplateDeleted = [await getTemplate(sql, 'tttttttttttttttt'), await getTemplateContent(sql, 'tttttttttttttttt')];
  return JSON.parse(JSON.stringify(out, (key, value: unknown) => (value === claire.id ? 'claire' : value === paul.id ? 'paul' : value === commune.id ? 'commune' : value)));
}

describe('essaimage records', () => {
  it('answer the same on SQLite and PostgreSQL', async () => {
    const { sqlite: onSqlite, postgres: onPostgres } = await answers(scenario);
    expect(onPostgres).toEqual(onSqlite);
    expect(onSqlite).toMatchObject({
      all: ['uuuuuuuuuuuuuuuu', 'tttttttttttttttt'],
      water: ['tttttttttttttttt'],
      data: ['uuuuuuuuuuuuuuuu'],
      one: {
        title: 'Arrosage raisonné',
        domain: { slug: 'gestion-eau', name: "Gestion de l'eau" },
        tags: ['capteurs-iot'],
        origin: { organisation: 'Commune de Wimereux', amiId: AMI, amiTitle: 'Gestion de l’eau 2026', boardId: BOARD },
        publishedBy: { id: 'claire', name: 'Claire Vasseur' },
        createdAt: T,
        shapeCount: 1,
        droppedImages: 1,
      },
      content,
      page: [
        { kind: 'scores.published', boardId: null, actor: { id: 'claire', name: 'Claire Vasseur' }, data: {}, createdAt: T + 2 },
        { kind: 'ami.status', data: { from: 'brouillon', to: 'publie' } },
      ],
      older: ['board.created'],
      visit: { snapshot: [0, 0, 255], visitedAt: T + 5 },
      noVisit: null,
      afterAccountDeleted: { actor: null, publisher: null },
      afterAmiDeleted: { activity: 0, origin: 'Gestion de l’eau 2026' },
      afterTemplateDeleted: [null, null],
    });
  });
});
