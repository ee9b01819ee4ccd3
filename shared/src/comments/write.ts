/**
 * The server's writes to a comment document (layout in `layout.ts`). The server calls them inside
 * `liveDocuments.change`, after the REST API checked who asks and what they sent; each is one
 * `doc.transact`, so a change is one update on the wire. What they write is validated first with
 * the reading schemas: a value that readers would skip is never written (it throws, nothing is
 * written).
 */
import * as Y from 'yjs';
import { describeIssues, frenchErrors } from '../board/issue-text.ts';
import type { Id } from '../model/ids.ts';
import type { CommentAnchor } from './anchor.ts';
import { readThread, threadsMap } from './layout.ts';
import { commentThreadSchema, MESSAGES_PER_THREAD_MAX, type CommentMessage, type CommentPerson, type CommentThread } from './schema.ts';

export interface NewMessage {
  id: Id;
  author: CommentPerson;
  /** Already trimmed and checked by the API schema. */
  text: string;
  mentions: CommentPerson[];
  /** ISO instant, from the server's clock. */
  at: string;
}

export interface NewThread {
  id: Id;
  anchor: CommentAnchor;
  message: NewMessage;
}

/** Why a write to an existing thread did not happen. */
export type ThreadProblem = 'not-found' | 'resolved' | 'full';

export type ThreadWrite = { ok: true; thread: CommentThread } | { ok: false; problem: ThreadProblem };

function messageValue(message: NewMessage): CommentMessage {
  return { id: message.id, author: message.author, text: message.text, mentions: message.mentions, createdAt: message.at };
}

/** Throws (a programming error: the API checks its input) on a thread readers would skip. */
function validated(thread: CommentThread): CommentThread {
  const result = commentThreadSchema.safeParse(thread, { error: frenchErrors });
  if (!result.success) throw new RangeError(`discussion ${thread.id} invalide : ${describeIssues(result.error.issues)}`);
  return result.data;
}

/** The thread's Y.Map and its current reading, or null when it is missing or unreadable. */
function existing(doc: Y.Doc, threadId: string): { map: Y.Map<unknown>; thread: CommentThread } | null {
  const value = threadsMap(doc).get(threadId);
  const reading = readThread(threadId, value);
  return reading.ok && value instanceof Y.Map ? { map: value, thread: reading.thread } : null;
}

/** Opens a thread with its first message. Throws if the id is taken. */
export function addThread(doc: Y.Doc, input: NewThread): CommentThread {
  const first = messageValue(input.message);
  const thread = validated({ id: input.id, anchor: input.anchor, createdBy: input.message.author, createdAt: input.message.at, resolved: null, messages: [first] });
  const threads = threadsMap(doc);
  if (threads.has(thread.id)) throw new RangeError(`discussion ${thread.id} : cet identifiant existe déjà`);
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    map.set('anchor', thread.anchor);
    map.set('createdBy', thread.createdBy);
    map.set('createdAt', thread.createdAt);
    map.set('resolved', null);
    map.set('messages', Y.Array.from(thread.messages));
    threads.set(thread.id, map);
  });
  return thread;
}

/** Adds a message to an open thread. */
export function reply(doc: Y.Doc, threadId: string, message: NewMessage): ThreadWrite {
  const found = existing(doc, threadId);
  if (found === null) return { ok: false, problem: 'not-found' };
  if (found.thread.resolved !== null) return { ok: false, problem: 'resolved' };
  if (found.thread.messages.length >= MESSAGES_PER_THREAD_MAX) return { ok: false, problem: 'full' };
  const value = messageValue(message);
  const thread = validated({ ...found.thread, messages: [...found.thread.messages, value] });
  doc.transact(() => (found.map.get('messages') as Y.Array<unknown>).push([value]));
  return { ok: true, thread };
}

/** Marks a thread resolved. Resolving a resolved thread changes nothing: the first resolution stays. */
export function resolveThread(doc: Y.Doc, threadId: string, by: CommentPerson, at: string): ThreadWrite {
  const found = existing(doc, threadId);
  if (found === null) return { ok: false, problem: 'not-found' };
  if (found.thread.resolved !== null) return { ok: true, thread: found.thread };
  const thread = validated({ ...found.thread, resolved: { by, at } });
  doc.transact(() => found.map.set('resolved', thread.resolved));
  return { ok: true, thread };
}

/** Opens a resolved thread again. Reopening an open thread changes nothing. */
export function reopenThread(doc: Y.Doc, threadId: string): ThreadWrite {
  const found = existing(doc, threadId);
  if (found === null) return { ok: false, problem: 'not-found' };
  if (found.thread.resolved === null) return { ok: true, thread: found.thread };
  doc.transact(() => found.map.set('resolved', null));
  return { ok: true, thread: { ...found.thread, resolved: null } };
}
