import { useEffect } from 'react';
import { api, call } from '../../api/client.ts';

/** Messages arriving while the board is open are seen: one visit recorded per quiet spell, not per message. */
const SEEN_DELAY_MS = 2000;

interface BoardParam {
  amiId: string;
  boardId: string;
}

/** A visit that fails to be recorded only leaves a badge too high: nothing to tell the person. */
const recordVisit = (param: BoardParam) => void call(() => api.amis[':amiId'].boards[':boardId'].comments.seen.$post({ param }));

/**
 * Records this member's visits of a board's comments, from which the AMI page counts the unread
 * ones: on opening the board, after each quiet spell of messages arriving while it is open, and on
 * leaving it.
 */
export function useCommentsVisit(param: BoardParam, messageCount: number): void {
  useEffect(() => {
    recordVisit(param);
    return () => recordVisit(param);
  }, [param]);
  useEffect(() => {
    if (messageCount === 0) return;
    const timer = setTimeout(() => recordVisit(param), SEEN_DELAY_MS);
    return () => clearTimeout(timer);
  }, [param, messageCount]);
}
