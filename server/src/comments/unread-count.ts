/**
 * The unread badge of a board: how many comment messages others wrote on it since the member last
 * looked at its comments (all of them, if never). Read from the comment documents' stored copies,
 * which hold everything the server has acknowledged, without opening a live room per board.
 */
import * as Y from 'yjs';
import type { CommentThread, Id } from '@eprouvette/shared';
import { readThreads } from '@eprouvette/shared';
import type { DocumentStore } from '../storage/document-store.ts';

/** Messages of `threads` written after `seenAt` (ms; undefined for never) by someone else than `userId`. */
export function unreadMessages(threads: readonly CommentThread[], userId: Id, seenAt: number | undefined): number {
  let count = 0;
  for (const thread of threads) {
    for (const message of thread.messages) {
      if (message.author.id !== userId && (seenAt === undefined || Date.parse(message.createdAt) > seenAt)) count += 1;
    }
  }
  return count;
}

/** The threads of a comment document as stored. */
export async function storedThreads(documents: DocumentStore, name: string): Promise<CommentThread[]> {
  const stored = await documents.load(name);
  const doc = new Y.Doc();
  try {
    if (stored.snapshot !== null) Y.applyUpdate(doc, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(doc, update);
    return readThreads(doc).threads;
  } finally {
    doc.destroy();
  }
}
