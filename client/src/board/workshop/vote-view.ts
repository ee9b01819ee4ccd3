/**
 * What the dot-voting panel and the renderer show of the vote sessions stored in the board
 * (workshop.ts). Until a vote is closed each person sees only their own dots: the counts of others
 * would sway the votes still to come.
 */
import { ballotsOf, voteResults, type Shape, type VoteRefusal, type VoteSession } from '@eprouvette/shared';
import type { MessageKey } from '../../i18n/index.ts';

/** The vote the panel is about: the one in progress, else the last closed one, else none. */
export function displayedVote(sessions: readonly VoteSession[]): VoteSession | null {
  return sessions.findLast((session) => session.closed === null) ?? sessions.at(-1) ?? null;
}

export function remainingVotes(session: VoteSession, voterId: string): number {
  return Math.max(0, session.votesPerPerson - ballotsOf(session, voterId).length);
}

/** The voter's own dots per shape, most first, then in the order they were placed. */
export function myVotes(session: VoteSession, voterId: string): { shapeId: string; votes: number }[] {
  const counts = new Map<string, number>();
  const mine = ballotsOf(session, voterId).sort((a, b) => a.slot - b.slot);
  for (const { shapeId } of mine) counts.set(shapeId, (counts.get(shapeId) ?? 0) + 1);
  return [...counts].map(([shapeId, votes]) => ({ shapeId, votes })).sort((a, b) => b.votes - a.votes);
}

/** How many people have placed at least one dot: the facilitator's cue to close, revealing no count. */
export function voterCount(session: VoteSession): number {
  return new Set(session.ballots.map((ballot) => ballot.voterId)).size;
}

/** The ids among `ids` that the vote is open to. */
export function votableIds(session: VoteSession, ids: Iterable<string>): string[] {
  const allowed = session.shapeIds && new Set(session.shapeIds);
  return [...ids].filter((id) => !allowed || allowed.has(id));
}

export interface RankedResult {
  readonly shapeId: string;
  readonly votes: number;
  /** Shapes with as many votes share a rank; the next rank skips accordingly (1, 1, 3). */
  readonly rank: number;
}

/** The results of a closed vote, most voted first; nothing while the vote is open. */
export function rankedResults(session: VoteSession): RankedResult[] {
  if (!session.closed) return [];
  const results = voteResults(session).filter(({ votes }) => votes > 0);
  return results.map(({ shapeId, votes }) => ({ shapeId, votes, rank: results.findIndex((other) => other.votes === votes) + 1 }));
}

/** Dots to draw on shapes: the counts of a closed vote, none while it is open. */
export function voteBadges(session: VoteSession | null): Map<string, number> {
  return new Map((session ? rankedResults(session) : []).map(({ shapeId, votes }) => [shapeId, votes]));
}

const REFUSAL_KEYS: Readonly<Record<VoteRefusal, MessageKey>> = {
  'unknown-session': 'workshop.vote.refusal.unknownSession',
  closed: 'workshop.vote.refusal.closed',
  'not-votable': 'workshop.vote.refusal.notVotable',
  'no-votes-left': 'workshop.vote.refusal.noVotesLeft',
  'no-such-vote': 'workshop.vote.refusal.noSuchVote',
};

export function refusalKey(reason: VoteRefusal): MessageKey {
  return REFUSAL_KEYS[reason];
}

const LABEL_LENGTH = 80;

function ownWords(shape: Shape): string {
  if (shape.type === 'frame') return shape.title;
  if (shape.type === 'image') return shape.alt;
  return 'text' in shape ? shape.text : '';
}

/** How a shape is named in the results: its text, title or alt on one line, shortened; null if it has none. */
export function shapeLabel(shape: Shape | undefined): string | null {
  if (!shape) return null;
  const raw = ownWords(shape);
  const text = raw.replace(/\s+/g, ' ').trim();
  if (text === '') return null;
  const chars = [...text];
  return chars.length > LABEL_LENGTH ? `${chars.slice(0, LABEL_LENGTH - 1).join('').trimEnd()}…` : text;
}

export function parseVotesPerPerson(text: string, max: number): number | null {
  const value = Number(text.trim());
  return /^\d+$/.test(text.trim()) && value >= 1 && value <= max ? value : null;
}
