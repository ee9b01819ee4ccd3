/** The threads of a comment document, followed live as the server writes them. */
import { useEffect, useState } from 'react';
import { observeThreads, readThreads, type CommentThread, type RejectedThread } from '@eprouvette/shared';
import type { SyncSession } from '../sync/session.ts';

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

/** The current time, again every `everyMs`: relative dates (« il y a 5 minutes ») stay true. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
