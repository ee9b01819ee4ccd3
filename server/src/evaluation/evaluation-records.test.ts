/**
 * The evaluation records on both backends: the same calls give the same answers on SQLite and on
 * PostgreSQL (PGUSER=$(whoami), 127.0.0.1:5432, database `test`, a schema of its own).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CRITERIA, NOT_APPLICABLE } from '@eprouvette/shared';
import { deleteAmi, insertAmi } from '../records/amis.ts';
import { insertBoard } from '../records/boards.ts';
import { seedDomains } from '../records/domains.ts';
import { findOrCreateOrganisation } from '../records/organisations.ts';
import { createUser, deleteUser } from '../records/users.ts';
import type { Storage } from '../storage/document-store.ts';
import { onBothBackends } from '../testing/both-backends.ts';
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
} from './evaluation-records.ts';

const answers = onBothBackends('evaluation');

const T = Date.UTC(2026, 9, 1, 9, 0, 0);
const AMI = 'amiaaaaaaaaaaaaa';
const BOARD = 'boardaaaaaaaaaaa';
const OTHER_BOARD = 'boardbbbbbbbbbbb';

/** Ids in order of creation, the same on both backends. */
function ids(): () => string {
  let next = 0;
  return () => `crit${String(++next).padStart(12, 'a')}`;
}

/** One scenario of record calls; what they answered, with user ids replaced by names. */
async function scenario(storage: Storage): Promise<Record<string, unknown>> {
  const { sql } = storage;
  const newId = ids();
  await seedDomains(sql, T);
  const organisation = await findOrCreateOrganisation(sql, { name: 'Syndicat des eaux', type: 'syndicat-mixte' });
  const sophie = (await createUser(sql, { email: 'sophie@experts.example', name: 'Sophie Delattre', organisationId: null, passwordHash: 'h' }, T))!;
  const marc = (await createUser(sql, { email: 'marc@experts.example', name: 'Marc Petit', organisationId: null, passwordHash: 'h' }, T))!;
  const claire = (await createUser(sql, { email: 'claire@region.example', name: 'Claire Vasseur', organisationId: null, passwordHash: 'h' }, T))!;
  const names = new Map([[sophie.id, 'sophie'], [marc.id, 'marc'], [claire.id, 'claire']]);
  await insertAmi(sql, AMI, { title: 'Gestion de l’eau', domain: 'gestion-eau', dates: { opensOn: null, closesOn: null, endsOn: null }, envelopeEuros: null, summary: '', tags: [] }, claire.id, T);
  for (const id of [BOARD, OTHER_BOARD]) {
    await insertBoard(sql, { id, amiId: AMI, title: `Proposition ${id}`, kind: 'proposition', organisationId: organisation.id, restricted: false, createdBy: claire.id }, T);
  }
  const out: Record<string, unknown> = {};
  const named = (value: unknown) => JSON.parse(JSON.stringify(value, (_key, item: unknown) => (typeof item === 'string' && names.has(item) ? names.get(item) : item)));

  out.before = await getGrid(sql, AMI);
  await Promise.all([ensureGrid(sql, AMI, newId, T), ensureGrid(sql, AMI, newId, T)]);
  await ensureGrid(sql, AMI, newId, T);
  const grid = (await getGrid(sql, AMI))!;
  out.grid = grid;
  const [first, second, third] = grid.criteria.map((criterion) => criterion.id) as [string, string, string];

  const draft = { amiId: AMI, boardId: BOARD, expertId: sophie.id, status: 'draft' as const, recommendation: null, comment: '' };
  out.draft = await saveEvaluation(sql, { ...draft, scores: [{ criterionId: first, value: 4, comment: 'Réseau bien connu.' }, { criterionId: second, value: null, comment: 'À revoir.' }, { criterionId: third, value: null, comment: '' }] }, T + 1);
  out.draftRead = named(await getEvaluation(sql, AMI, BOARD, sophie.id));
  out.submitted = await saveEvaluation(
    sql,
    { ...draft, status: 'submitted', recommendation: 'priorite', comment: 'Très solide.', scores: grid.criteria.map((criterion, index) => ({ criterionId: criterion.id, value: index === 1 ? NOT_APPLICABLE : 3, comment: '' })) },
    T + 2,
  );
  out.submittedScores = (await getEvaluation(sql, AMI, BOARD, sophie.id))!.scores.slice(0, 3);
  await saveEvaluation(sql, { amiId: AMI, boardId: OTHER_BOARD, expertId: marc.id, status: 'draft', recommendation: 'non-retenu', comment: '', scores: [{ criterionId: first, value: 1, comment: '' }] }, T + 3);
  out.gridChanged = await saveEvaluation(sql, { ...draft, scores: [{ criterionId: 'critzzzzzzzzzzzz', value: 1, comment: '' }] }, T + 4);
  out.statuses = [...(await evaluationStatuses(sql, AMI, sophie.id))];
  out.list = named(await listEvaluations(sql, AMI)).map((evaluation: { scores: unknown[] }) => ({ ...evaluation, scores: evaluation.scores.length }));
  out.scored = [...(await scoredCriteria(sql, AMI))].sort();

  const keep = (criterion: (typeof grid.criteria)[number]) => ({ id: criterion.id, label: criterion.label, description: criterion.description, weight: criterion.weight });
  out.removeScored = named(await replaceCriteria(sql, AMI, grid.criteria.slice(1).map(keep), newId, T + 5));
  out.unknownId = await replaceCriteria(sql, AMI, [...grid.criteria.map(keep), { id: 'critzzzzzzzzzzzz', label: 'Inconnu', description: '', weight: 1 }], newId, T + 5);
  // Reordered, renamed, reweighted, and one added; then the added one (never scored) removed.
  const reordered = [
    { ...keep(grid.criteria[2]!), label: 'Faisabilité', weight: 2.5 },
    keep(grid.criteria[0]!),
    ...grid.criteria.slice(1, 2).map(keep),
    ...grid.criteria.slice(3).map(keep),
    { id: null, label: 'Accessibilité (RGAA)', description: 'Pour tous les usagers.', weight: 0.5 },
  ];
  out.replaced = await replaceCriteria(sql, AMI, reordered, newId, T + 6);
  out.afterReplace = (await getGrid(sql, AMI))!.criteria.map((criterion) => [criterion.id, criterion.label, criterion.weight]);
  out.removedUnscored = await replaceCriteria(sql, AMI, reordered.slice(0, -1), newId, T + 6);
  out.afterRemoval = (await getGrid(sql, AMI))!.criteria.map((criterion) => criterion.label);
  out.published = await setPublication(sql, AMI, claire.id, T + 7);
  out.publishedTwice = await setPublication(sql, AMI, claire.id, T + 8);
  out.publication = named(await getGrid(sql, AMI));
  out.saveWhenPublished = await saveEvaluation(sql, { ...draft, scores: [] }, T + 9);
  out.replaceWhenPublished = await replaceCriteria(sql, AMI, reordered.slice(0, 1), newId, T + 9);
  out.withdrawn = await setPublication(sql, AMI, null, T + 10);
  out.withdrawnTwice = await setPublication(sql, AMI, null, T + 10);
  out.afterWithdrawal = (await getGrid(sql, AMI))!.publishedAt;

  await deleteUser(sql, marc.id);
  out.afterExpertDeleted = (await listEvaluations(sql, AMI)).map((evaluation) => names.get(evaluation.expert.id));
  await deleteAmi(sql, AMI);
  const left = await sql.get<{ n: number | string }>('SELECT count(*) AS n FROM evaluation_scores');
  out.afterAmiDeleted = [await getGrid(sql, AMI), (await listEvaluations(sql, AMI)).length, Number(left?.n)];
  return out;
}

describe('evaluation records', () => {
  it('answer the same on SQLite and PostgreSQL', async () => {
    const { sqlite: onSqlite, postgres: onPostgres } = await answers(scenario);
    expect(onPostgres).toEqual(onSqlite);
    expect(onSqlite).toMatchObject({
      before: null,
      grid: { amiId: AMI, publishedAt: null, publishedBy: null },
      draft: 'saved',
      draftRead: {
        boardId: BOARD,
        expert: { id: 'sophie', name: 'Sophie Delattre' },
        status: 'draft',
        recommendation: null,
        // The blank third criterion keeps no row.
        scores: [
          { criterionId: 'critaaaaaaaaaaa1', value: 4, comment: 'Réseau bien connu.' },
          { criterionId: 'critaaaaaaaaaaa2', value: null, comment: 'À revoir.' },
        ],
        updatedAt: T + 1,
      },
      submitted: 'saved',
      submittedScores: [
        { criterionId: 'critaaaaaaaaaaa1', value: 3, comment: '' },
        { criterionId: 'critaaaaaaaaaaa2', value: NOT_APPLICABLE, comment: '' },
        { criterionId: 'critaaaaaaaaaaa3', value: 3, comment: '' },
      ],
      gridChanged: 'grid-changed',
      statuses: [[BOARD, 'submitted']],
      list: [
        { boardId: BOARD, expert: { id: 'sophie' }, status: 'submitted', recommendation: 'priorite', comment: 'Très solide.', scores: 7 },
        { boardId: OTHER_BOARD, expert: { id: 'marc' }, status: 'draft', recommendation: 'non-retenu', scores: 1 },
      ],
      scored: DEFAULT_CRITERIA.map((_criterion, index) => `crit${String(index + 1).padStart(12, 'a')}`),
      removeScored: { ok: false, reason: 'scored', removed: ['critaaaaaaaaaaa1'] },
      unknownId: { ok: false, reason: 'unknown', index: 7 },
      replaced: { ok: true },
      afterReplace: [
        ['critaaaaaaaaaaa3', 'Faisabilité', 2.5],
        ['critaaaaaaaaaaa1', DEFAULT_CRITERIA[0]!.label, 1],
        ['critaaaaaaaaaaa2', DEFAULT_CRITERIA[1]!.label, 1],
        ...DEFAULT_CRITERIA.slice(3).map((criterion, index) => [`crit${String(index + 4).padStart(12, 'a')}`, criterion.label, 1]),
        ['critaaaaaaaaaaa8', 'Accessibilité (RGAA)', 0.5],
      ],
      removedUnscored: { ok: true },
      afterRemoval: ['Faisabilité', ...DEFAULT_CRITERIA.slice(0, 2).map((criterion) => criterion.label), ...DEFAULT_CRITERIA.slice(3).map((criterion) => criterion.label)],
      published: true,
      publishedTwice: false,
      publication: { publishedAt: T + 7, publishedBy: { id: 'claire', name: 'Claire Vasseur' } },
      saveWhenPublished: 'published',
      replaceWhenPublished: { ok: false, reason: 'published' },
      withdrawn: true,
      withdrawnTwice: false,
      afterWithdrawal: null,
      afterExpertDeleted: ['sophie'],
      afterAmiDeleted: [null, 0, 0],
    });
    expect((onSqlite.grid as { criteria: unknown[] }).criteria).toEqual(DEFAULT_CRITERIA.map((criterion, index) => ({ ...criterion, id: `crit${String(index + 1).padStart(12, 'a')}` })));
  });
});
