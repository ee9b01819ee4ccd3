/** What the comment panel lists: threads filtered by state, in the order of their places in what they comment. */
import type { CommentThread } from '@eprouvette/shared';

export type ThreadFilter = 'open' | 'resolved';

/** Where a thread sits in what it comments, as the panel orders and marks it. */
export interface ThreadPlace {
  /** Its rank there: a passage's position in the text, a pin's number on a board. */
  readonly order: number;
  /** What it comments is gone (a deleted passage, a deleted item). */
  readonly deleted: boolean;
}

export interface ListedThread {
  thread: CommentThread;
  /** What it comments is gone (or cannot be found any more). */
  deleted: boolean;
  /** Someone named the current user in one of its messages. */
  mentionsMe: boolean;
}

export const isOpen = (thread: CommentThread): boolean => thread.resolved === null;

export function mentionsOf(thread: CommentThread, userId: string): boolean {
  return thread.messages.some((message) => message.mentions.some((person) => person.id === userId));
}

/**
 * The threads of `filter`, in the order of their places. A thread `places` does not know yet (the
 * editor still loading) comes last and is not called deleted.
 */
export function listThreads(
  threads: readonly CommentThread[],
  places: ReadonlyMap<string, ThreadPlace>,
  filter: ThreadFilter,
  userId: string,
): ListedThread[] {
  const position = (thread: CommentThread) => places.get(thread.id)?.order ?? Number.POSITIVE_INFINITY;
  return threads
    .filter((thread) => isOpen(thread) === (filter === 'open'))
    .map((thread, index) => ({ thread, index, from: position(thread) }))
    // `threads` come oldest first: a stable sort keeps that order between threads on one place.
    .sort((a, b) => (a.from === b.from ? a.index - b.index : a.from < b.from ? -1 : 1))
    .map(({ thread }) => ({
      thread,
      deleted: places.get(thread.id)?.deleted ?? false,
      mentionsMe: mentionsOf(thread, userId),
    }));
}

/** Threads that were not there before and that someone else opened: what to announce. */
export function arrivals(known: ReadonlySet<string>, threads: readonly CommentThread[], userId: string): CommentThread[] {
  return threads.filter((thread) => !known.has(thread.id) && thread.createdBy.id !== userId);
}
