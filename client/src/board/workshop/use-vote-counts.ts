import { useMemo } from 'react';
import type * as Y from 'yjs';
import { readVoteSessions } from '@eprouvette/shared';
import { useBoardState } from './use-board-state.ts';
import { displayedVote, voteBadges } from './vote-view.ts';

/** The counts of the vote shown in the panel, once it is closed (none while it is open), per shape id. */
export function useVoteCounts(doc: Y.Doc): ReadonlyMap<string, number> {
  const sessions = useBoardState(doc, readVoteSessions);
  return useMemo(() => voteBadges(displayedVote(sessions)), [sessions]);
}
