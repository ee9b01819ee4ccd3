/**
 * How comment threads live in a comment document (`ami-<id>.text.comments`,
 * `ami-<id>.board-<id>.comments`, see `model/documents.ts`).
 *
 * ```
 * doc.getMap('threads')   Y.Map: thread id → Y.Map, one per thread
 *   anchor                where the thread is pinned (anchor.ts), one value: it never changes
 *   createdBy             {id, name} of the person who opened it
 *   createdAt             ISO instant
 *   resolved              null, or {by: {id, name}, at} as one value
 *   messages              Y.Array of messages {id, author, text, mentions, createdAt, editedAt?},
 *                         each one plain value, oldest first
 * ```
 *
 * Only the server writes these documents (`write.ts`, after the REST API checked the request), so
 * clients never race each other here; a Y.Map per thread still lets a reply and a resolution made
 * at the same moment both land. Reading validates every thread with `commentThreadSchema`: one
 * that does not fit (an older server, a bug) is skipped and reported, never shown half.
 */
import * as Y from 'yjs';
import { describeIssues, frenchErrors } from '../board/issue-text.ts';
import { commentThreadSchema, type CommentThread } from './schema.ts';

const THREADS = 'threads';

export function threadsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(THREADS);
}

export type ThreadReading = { ok: true; thread: CommentThread } | { ok: false; id: string; reason: string };

export interface RejectedThread {
  id: string;
  reason: string;
}

/** One entry of the threads map, validated. */
export function readThread(id: string, value: unknown): ThreadReading {
  if (!(value instanceof Y.Map)) return { ok: false, id, reason: "l'entrée n'est pas une discussion (Y.Map attendu)" };
  const messages: unknown = value.get('messages');
  if (!(messages instanceof Y.Array)) return { ok: false, id, reason: 'messages : Y.Array attendu' };
  const candidate = {
    id,
    anchor: value.get('anchor'),
    createdBy: value.get('createdBy'),
    createdAt: value.get('createdAt'),
    resolved: value.get('resolved'),
    messages: messages.toArray(),
  };
  const result = commentThreadSchema.safeParse(candidate, { error: frenchErrors });
  return result.success ? { ok: true, thread: result.data } : { ok: false, id, reason: describeIssues(result.error.issues) };
}

/** Oldest first; the id settles threads opened in the same millisecond. */
function creationOrder(a: CommentThread, b: CommentThread): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Every thread of the document that reads, oldest first, and the ones that do not, with why. */
export function readThreads(doc: Y.Doc): { threads: CommentThread[]; rejected: RejectedThread[] } {
  const threads: CommentThread[] = [];
  const rejected: RejectedThread[] = [];
  for (const [id, value] of threadsMap(doc).entries()) {
    const reading = readThread(id, value);
    if (reading.ok) threads.push(reading.thread);
    else rejected.push({ id: reading.id, reason: reading.reason });
  }
  return { threads: threads.sort(creationOrder), rejected };
}

/** Calls `onChange` after every transaction that touched the threads; returns how to stop. */
export function observeThreads(doc: Y.Doc, onChange: () => void): () => void {
  const threads = threadsMap(doc);
  const observer = () => onChange();
  threads.observeDeep(observer);
  return () => threads.unobserveDeep(observer);
}
