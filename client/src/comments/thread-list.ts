/** What the comment panel lists: threads filtered by state, in the order of their passages in the text. */
import type { CommentThread } from '@eprouvette/shared';
import { isDeletedPassage, type PassageRange } from './anchors.ts';

export type ThreadFilter = 'open' | 'resolved';

export interface ListedThread {
  thread: CommentThread;
  /** The passage is gone from the text (or cannot be found in it). */
  deleted: boolean;
  /** Someone named the current user in one of its messages. */
  mentionsMe: boolean;
}

export const isOpen = (thread: CommentThread): boolean => thread.resolved === null;

export function mentionsOf(thread: CommentThread, userId: string): boolean {
  return thread.messages.some((message) => message.mentions.some((person) => person.id === userId));
}

/**
 * The threads of `filter`, in document order. `ranges` is where each passage is now, from the
 * editor; a thread it does not know yet (the editor still loading) is not called deleted, and a
 * thread whose passage is gone keeps its place where the passage was.
 */
export function listThreads(
  threads: readonly CommentThread[],
  ranges: ReadonlyMap<string, PassageRange | null>,
  filter: ThreadFilter,
  userId: string,
): ListedThread[] {
  const position = (thread: CommentThread) => ranges.get(thread.id)?.from ?? Number.POSITIVE_INFINITY;
  return threads
    .filter((thread) => isOpen(thread) === (filter === 'open'))
    .map((thread, index) => ({ thread, index, from: position(thread) }))
    // `threads` come oldest first: a stable sort keeps that order between threads on one place.
    .sort((a, b) => (a.from === b.from ? a.index - b.index : a.from < b.from ? -1 : 1))
    .map(({ thread }) => ({
      thread,
      deleted: ranges.has(thread.id) && isDeletedPassage(ranges.get(thread.id) ?? null),
      mentionsMe: mentionsOf(thread, userId),
    }));
}

/** Threads that were not there before and that someone else opened: what to announce. */
export function arrivals(known: ReadonlySet<string>, threads: readonly CommentThread[], userId: string): CommentThread[] {
  return threads.filter((thread) => !known.has(thread.id) && thread.createdBy.id !== userId);
}
