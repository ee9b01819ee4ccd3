/**
 * What the RGPD export holds beyond the account itself: everything stored under the person's id
 * in the features' tables (evaluations, templates, activity, visits). Comments and board content
 * live in the AMIs' documents and belong to the AMIs.
 */
import type { Id } from '@eprouvette/shared';
import type { SqlClient } from '../storage/sql-client.ts';
import { toNumber } from '../storage/sql-client.ts';

const iso = (ms: number | string) => new Date(toNumber(ms)).toISOString();

export interface PersonalData {
  evaluations: {
    amiId: Id;
    boardId: Id;
    boardTitle: string;
    status: string;
    recommendation: string | null;
    comment: string;
    updatedAt: string;
    scores: { criterion: string; score: number | null; notApplicable: boolean; comment: string }[];
  }[];
  templatesPublished: { id: Id; title: string; createdAt: string }[];
  activity: { amiId: Id; boardId: Id | null; kind: string; at: string }[];
  boardVisits: { boardId: Id; at: string }[];
  commentsSeen: { boardId: Id; at: string }[];
}

export async function personalData(sql: SqlClient, userId: Id): Promise<PersonalData> {
  const evaluations = await sql.all<{ ami_id: Id; board_id: Id; title: string; status: string; recommendation: string | null; comment: string; updated_at: number | string }>(
    `SELECT e.ami_id, e.board_id, b.title, e.status, e.recommendation, e.comment, e.updated_at
     FROM evaluations e JOIN boards b ON b.id = e.board_id WHERE e.expert_id = ? ORDER BY e.updated_at`,
    [userId],
  );
  const scores = await sql.all<{ board_id: Id; label: string; score: number | string | null; not_applicable: number | string; comment: string }>(
    `SELECT s.board_id, c.label, s.score, s.not_applicable, s.comment
     FROM evaluation_scores s JOIN evaluation_criteria c ON c.id = s.criterion_id WHERE s.expert_id = ? ORDER BY c.position`,
    [userId],
  );
  const templates = await sql.all<{ id: Id; title: string; created_at: number | string }>(
    'SELECT id, title, created_at FROM templates WHERE created_by = ? ORDER BY created_at',
    [userId],
  );
  const activity = await sql.all<{ ami_id: Id; board_id: Id | null; kind: string; created_at: number | string }>(
    'SELECT ami_id, board_id, kind, created_at FROM activity WHERE actor_id = ? ORDER BY created_at',
    [userId],
  );
  const visits = await sql.all<{ board_id: Id; visited_at: number | string }>('SELECT board_id, visited_at FROM board_visits WHERE user_id = ? ORDER BY visited_at', [userId]);
  const seen = await sql.all<{ board_id: Id; seen_at: number | string }>('SELECT board_id, seen_at FROM board_comment_reads WHERE user_id = ? ORDER BY seen_at', [userId]);
  return {
    evaluations: evaluations.map((row) => ({
      amiId: row.ami_id,
      boardId: row.board_id,
      boardTitle: row.title,
      status: row.status,
      recommendation: row.recommendation,
      comment: row.comment,
      updatedAt: iso(row.updated_at),
      scores: scores
        .filter((score) => score.board_id === row.board_id)
        .map((score) => ({ criterion: score.label, score: score.score === null ? null : toNumber(score.score), notApplicable: toNumber(score.not_applicable) === 1, comment: score.comment })),
    })),
    templatesPublished: templates.map((row) => ({ id: row.id, title: row.title, createdAt: iso(row.created_at) })),
    activity: activity.map((row) => ({ amiId: row.ami_id, boardId: row.board_id, kind: row.kind, at: iso(row.created_at) })),
    boardVisits: visits.map((row) => ({ boardId: row.board_id, at: iso(row.visited_at) })),
    commentsSeen: seen.map((row) => ({ boardId: row.board_id, at: iso(row.seen_at) })),
  };
}
