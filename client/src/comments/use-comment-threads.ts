/** The threads of a comment document, followed live as the server writes them. */
import { useEffect, useRef, useState } from 'react';
import { observeThreads, readThreads, type CommentThread, type RejectedThread } from '@eprouvette/shared';
import type { SyncSession } from '../sync/session.ts';
import { arrivals } from './thread-list.ts';

export interface ThreadsReading {
  threads: readonly CommentThread[];
  /** Threads that do not read (see `readThreads`): not shown, counted in a notice. */
  rejected: readonly RejectedThread[];
}

const NOTHING: ThreadsReading = { threads: [], rejected: [] };

export function useCommentThreads(session: SyncSession | null): ThreadsReading {
  const [reading, setReading] = useState<ThreadsReading>(NOTHING);
  useEffect(() => {
    if (!session) {
      setReading(NOTHING);
      return;
    }
    const refresh = () => setReading(readThreads(session.doc));
    refresh();
    return observeThreads(session.doc, refresh);
  }, [session]);
  return reading;
}

/**
 * Calls `announce` with the latest thread someone else opened, once the document has been received
 * (the threads already there when it opens are not news).
 */
export function useThreadArrivals(threads: readonly CommentThread[], loaded: boolean, userId: string, announce: (thread: CommentThread) => void): void {
  const known = useRef<Set<string> | null>(null);
  const latest = useRef(announce);
  latest.current = announce;
  useEffect(() => {
    if (!loaded) return;
    const arrived = known.current === null ? undefined : arrivals(known.current, threads, userId).at(-1);
    if (arrived) latest.current(arrived);
    known.current = new Set(threads.map((thread) => thread.id));
  }, [threads, loaded, userId]);
}

/** The current time, again every `everyMs`: relative dates (« il y a 5 minutes ») stay true. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
