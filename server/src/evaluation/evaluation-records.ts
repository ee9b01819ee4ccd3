/**
 * The evaluation tables (migration 6): an AMI's grid and publication, the experts' evaluations
 * and their scores. Changes that depend on the grid's state (publication, criteria, scores) run
 * in one transaction that reads that state first, locking the grid's row on PostgreSQL, so that a
 * score cannot slip in after the results were published nor under a criterion being removed.
 */
import type { Criterion, DefaultCriterion, EvaluationStatus, Id, Recommendation, ScoreValue } from '@eprouvette/shared';
import { DEFAULT_CRITERIA, NOT_APPLICABLE } from '@eprouvette/shared';
import type { SqlClient } from '../storage/sql-client.ts';
import { toNumber } from '../storage/sql-client.ts';

export interface GridRecord {
  amiId: Id;
  criteria: Criterion[];
  publishedAt: number | null;
  /** Who published, while their account exists. */
  publishedBy: { id: Id; name: string } | null;
}

export interface ScoreRecord {
  criterionId: Id;
  /** null: not scored yet (a draft's comment alone). */
  value: ScoreValue | null;
  comment: string;
}

export interface EvaluationRecord {
  boardId: Id;
  expert: { id: Id; name: string };
  status: EvaluationStatus;
  recommendation: Recommendation | null;
  comment: string;
  scores: ScoreRecord[];
  updatedAt: number;
}

export interface EvaluationChange {
  amiId: Id;
  boardId: Id;
  expertId: Id;
  status: EvaluationStatus;
  recommendation: Recommendation | null;
  comment: string;
  scores: readonly ScoreRecord[];
}

interface GridRow {
  ami_id: Id;
  published_at: number | string | null;
  published_by: Id | null;
  publisher_name: string | null;
}

interface CriterionRow {
  id: Id;
  label: string;
  description: string;
  weight: number | string;
}

interface EvaluationRow {
  board_id: Id;
  expert_id: Id;
  expert_name: string;
  status: EvaluationStatus;
  recommendation: Recommendation | null;
  comment: string;
  updated_at: number | string;
}

interface ScoreRow {
  board_id: Id;
  expert_id: Id;
  criterion_id: Id;
  score: number | string | null;
  not_applicable: number | string;
  comment: string;
}

/** Row-locking on PostgreSQL; SQLite's write transactions are serialised already. */
const forUpdate = (sql: SqlClient) => (sql.dialect === 'postgres' ? ' FOR UPDATE' : '');

/**
 * Creates the AMI's grid with the default criteria if it has none yet. Two first readers at once
 * make one grid: the second's insert does nothing (on PostgreSQL it waits for the first's commit).
 */
export async function ensureGrid(sql: SqlClient, amiId: Id, newId: () => Id, now = Date.now()): Promise<void> {
  await sql.transaction(async (tx) => {
    const created = await tx.run('INSERT INTO evaluation_grids (ami_id, created_at, updated_at) VALUES (?, ?, ?) ON CONFLICT (ami_id) DO NOTHING', [amiId, now, now]);
    if (created === 1) await insertCriteria(tx, amiId, DEFAULT_CRITERIA.map((criterion) => ({ ...criterion, id: newId() })), 0);
  });
}

async function insertCriteria(sql: SqlClient, amiId: Id, criteria: readonly (DefaultCriterion & { id: Id })[], from: number): Promise<void> {
  for (const [index, criterion] of criteria.entries()) {
    await sql.run('INSERT INTO evaluation_criteria (id, ami_id, position, label, description, weight) VALUES (?, ?, ?, ?, ?, ?)', [
      criterion.id,
      amiId,
      from + index,
      criterion.label,
      criterion.description,
      criterion.weight,
    ]);
  }
}

async function readCriteria(sql: SqlClient, amiId: Id): Promise<Criterion[]> {
  const rows = await sql.all<CriterionRow>('SELECT id, label, description, weight FROM evaluation_criteria WHERE ami_id = ? ORDER BY position, id', [amiId]);
  return rows.map((row) => ({ id: row.id, label: row.label, description: row.description, weight: Number(row.weight) }));
}

/** The grid, or null for an AMI whose evaluation was never read (see `ensureGrid`). */
export async function getGrid(sql: SqlClient, amiId: Id): Promise<GridRecord | null> {
  const row = await sql.get<GridRow>(
    `SELECT g.ami_id, g.published_at, g.published_by, u.name AS publisher_name
     FROM evaluation_grids g LEFT JOIN users u ON u.id = g.published_by WHERE g.ami_id = ?`,
    [amiId],
  );
  if (row === undefined) return null;
  return {
    amiId,
    criteria: await readCriteria(sql, amiId),
    publishedAt: row.published_at === null ? null : toNumber(row.published_at),
    publishedBy: row.published_by === null || row.publisher_name === null ? null : { id: row.published_by, name: row.publisher_name },
  };
}

/** Whether the grid is published, read under the transaction's lock; undefined when there is no grid. */
async function lockedPublication(tx: SqlClient, amiId: Id): Promise<boolean | undefined> {
  const row = await tx.get<{ published_at: number | string | null }>(`SELECT published_at FROM evaluation_grids WHERE ami_id = ?${forUpdate(tx)}`, [amiId]);
  return row === undefined ? undefined : row.published_at !== null;
}

/** The criteria of the AMI that carry scores (or comments): they cannot leave the grid. */
export async function scoredCriteria(sql: SqlClient, amiId: Id): Promise<Set<Id>> {
  const rows = await sql.all<{ criterion_id: Id }>(
    'SELECT DISTINCT s.criterion_id FROM evaluation_scores s JOIN evaluation_criteria c ON c.id = s.criterion_id WHERE c.ami_id = ?',
    [amiId],
  );
  return new Set(rows.map((row) => row.criterion_id));
}

export interface CriterionChange extends DefaultCriterion {
  /** An existing criterion of the grid, or null for a new one. */
  id: Id | null;
}

export type GridReplacement =
  | { ok: true }
  | { ok: false; reason: 'published' }
  | { ok: false; reason: 'unknown'; index: number }
  | { ok: false; reason: 'scored'; removed: Id[] };

/**
 * Makes the grid the given list, in its order: criteria with an id are updated, those without are
 * created, those left out are removed — unless they were scored, or the results are published.
 */
export async function replaceCriteria(sql: SqlClient, amiId: Id, criteria: readonly CriterionChange[], newId: () => Id, now = Date.now()): Promise<GridReplacement> {
  return sql.transaction(async (tx) => {
    if ((await lockedPublication(tx, amiId)) !== false) return { ok: false, reason: 'published' };
    const existing = new Set((await readCriteria(tx, amiId)).map((criterion) => criterion.id));
    const unknown = criteria.findIndex((criterion) => criterion.id !== null && !existing.has(criterion.id));
    if (unknown !== -1) return { ok: false, reason: 'unknown', index: unknown };
    const kept = new Set(criteria.map((criterion) => criterion.id));
    const removed = [...existing].filter((id) => !kept.has(id));
    const scored = await scoredCriteria(tx, amiId);
    const blocked = removed.filter((id) => scored.has(id));
    if (blocked.length > 0) return { ok: false, reason: 'scored', removed: blocked };
    for (const id of removed) await tx.run('DELETE FROM evaluation_criteria WHERE id = ? AND ami_id = ?', [id, amiId]);
    for (const [position, criterion] of criteria.entries()) {
      if (criterion.id === null) {
        await insertCriteria(tx, amiId, [{ ...criterion, id: newId() }], position);
      } else {
        await tx.run('UPDATE evaluation_criteria SET position = ?, label = ?, description = ?, weight = ? WHERE id = ? AND ami_id = ?', [
          position,
          criterion.label,
          criterion.description,
          criterion.weight,
          criterion.id,
          amiId,
        ]);
      }
    }
    await tx.run('UPDATE evaluation_grids SET updated_at = ? WHERE ami_id = ?', [now, amiId]);
    return { ok: true };
  });
}

/** Publishes (`by` the user) or withdraws (`by` null) the results; false when it was so already. */
export async function setPublication(sql: SqlClient, amiId: Id, by: Id | null, now = Date.now()): Promise<boolean> {
  const changed =
    by === null
      ? await sql.run('UPDATE evaluation_grids SET published_at = NULL, published_by = NULL, updated_at = ? WHERE ami_id = ? AND published_at IS NOT NULL', [now, amiId])
      : await sql.run('UPDATE evaluation_grids SET published_at = ?, published_by = ?, updated_at = ? WHERE ami_id = ? AND published_at IS NULL', [now, by, now, amiId]);
  return changed === 1;
}

function scoreOf(row: ScoreRow): ScoreRecord {
  const value: ScoreValue | null = toNumber(row.not_applicable) === 1 ? NOT_APPLICABLE : row.score === null ? null : (toNumber(row.score) as ScoreValue);
  return { criterionId: row.criterion_id, value, comment: row.comment };
}

const EVALUATION_SELECT = `SELECT e.board_id, e.expert_id, u.name AS expert_name, e.status, e.recommendation, e.comment, e.updated_at
  FROM evaluations e JOIN users u ON u.id = e.expert_id`;
const SCORE_SELECT = `SELECT s.board_id, s.expert_id, s.criterion_id, s.score, s.not_applicable, s.comment
  FROM evaluation_scores s JOIN evaluation_criteria c ON c.id = s.criterion_id`;

function assemble(rows: readonly EvaluationRow[], scores: readonly ScoreRow[]): EvaluationRecord[] {
  const byEvaluation = new Map<string, ScoreRecord[]>();
  for (const score of scores) {
    const key = `${score.board_id}:${score.expert_id}`;
    byEvaluation.set(key, [...(byEvaluation.get(key) ?? []), scoreOf(score)]);
  }
  return rows.map((row) => ({
    boardId: row.board_id,
    expert: { id: row.expert_id, name: row.expert_name },
    status: row.status,
    recommendation: row.recommendation,
    comment: row.comment,
    scores: byEvaluation.get(`${row.board_id}:${row.expert_id}`) ?? [],
    updatedAt: toNumber(row.updated_at),
  }));
}

/** Every evaluation of the AMI's boards, drafts included, scores in the grid's order. */
export async function listEvaluations(sql: SqlClient, amiId: Id): Promise<EvaluationRecord[]> {
  const rows = await sql.all<EvaluationRow>(`${EVALUATION_SELECT} WHERE e.ami_id = ? ORDER BY e.board_id, u.name, e.expert_id`, [amiId]);
  const scores = await sql.all<ScoreRow>(`${SCORE_SELECT} WHERE c.ami_id = ? ORDER BY c.position, c.id`, [amiId]);
  return assemble(rows, scores);
}

/** One expert's evaluation of one board, or null. */
export async function getEvaluation(sql: SqlClient, amiId: Id, boardId: Id, expertId: Id): Promise<EvaluationRecord | null> {
  const rows = await sql.all<EvaluationRow>(`${EVALUATION_SELECT} WHERE e.ami_id = ? AND e.board_id = ? AND e.expert_id = ?`, [amiId, boardId, expertId]);
  if (rows.length === 0) return null;
  const scores = await sql.all<ScoreRow>(`${SCORE_SELECT} WHERE s.board_id = ? AND s.expert_id = ? AND c.ami_id = ? ORDER BY c.position, c.id`, [boardId, expertId, amiId]);
  return assemble(rows, scores)[0]!;
}

/** The state of each of the expert's evaluations in the AMI, by board. */
export async function evaluationStatuses(sql: SqlClient, amiId: Id, expertId: Id): Promise<Map<Id, EvaluationStatus>> {
  const rows = await sql.all<{ board_id: Id; status: EvaluationStatus }>('SELECT board_id, status FROM evaluations WHERE ami_id = ? AND expert_id = ?', [amiId, expertId]);
  return new Map(rows.map((row) => [row.board_id, row.status]));
}

export type EvaluationSave = 'saved' | 'published' | 'grid-changed';

/**
 * Writes the expert's evaluation whole (its scores replace the previous ones), unless the results
 * were published or a scored criterion left the grid since the caller checked the input.
 */
export async function saveEvaluation(sql: SqlClient, change: EvaluationChange, now = Date.now()): Promise<EvaluationSave> {
  return sql.transaction(async (tx) => {
    if ((await lockedPublication(tx, change.amiId)) !== false) return 'published';
    const criteria = new Set((await readCriteria(tx, change.amiId)).map((criterion) => criterion.id));
    if (change.scores.some((score) => !criteria.has(score.criterionId))) return 'grid-changed';
    await tx.run(
      `INSERT INTO evaluations (board_id, expert_id, ami_id, status, recommendation, comment, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (board_id, expert_id) DO UPDATE SET status = excluded.status, recommendation = excluded.recommendation, comment = excluded.comment, updated_at = excluded.updated_at`,
      [change.boardId, change.expertId, change.amiId, change.status, change.recommendation, change.comment, now, now],
    );
    await tx.run('DELETE FROM evaluation_scores WHERE board_id = ? AND expert_id = ?', [change.boardId, change.expertId]);
    for (const score of change.scores) {
      // A blank criterion of a draft keeps no row: nothing would stop its criterion's removal.
      if (score.value === null && score.comment === '') continue;
      await tx.run('INSERT INTO evaluation_scores (board_id, expert_id, criterion_id, score, not_applicable, comment) VALUES (?, ?, ?, ?, ?, ?)', [
        change.boardId,
        change.expertId,
        score.criterionId,
        typeof score.value === 'number' ? score.value : null,
        score.value === NOT_APPLICABLE ? 1 : 0,
        score.comment,
      ]);
    }
    return 'saved';
  });
}
