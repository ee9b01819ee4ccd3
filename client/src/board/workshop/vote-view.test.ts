import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addShapes, castVote, closeVote, readVoteSession, readVoteSessions, startVote, type VoteRefusal, type VoteSession } from '@eprouvette/shared';
import { frame, idSequence, rect, sticky } from '../../../../shared/src/board/testing.ts';
import { t } from '../../i18n/index.ts';
import {
  displayedVote,
  myVotes,
  parseVotesPerPerson,
  rankedResults,
  refusalKey,
  remainingVotes,
  shapeLabel,
  votableIds,
  voteBadges,
  voterCount,
} from './vote-view.ts';

const next = idSequence(100);
const [a, b, c, d] = [next(), next(), next(), next()] as [string, string, string, string];

function board(): Y.Doc {
  const doc = new Y.Doc();
  addShapes(doc, [a, b, c, d].map((id) => sticky(id)), 'local');
  return doc;
}

function vote(doc: Y.Doc, options: { votesPerPerson?: number; shapeIds?: string[] } = {}, startedAt = 1): string {
  const id = next();
  const settings = { id, votesPerPerson: options.votesPerPerson ?? 3, ...(options.shapeIds ? { shapeIds: options.shapeIds } : {}) };
  startVote(doc, settings, 'animatrice', 'local', startedAt);
  return id;
}

function cast(doc: Y.Doc, session: string, voter: string, ...shapes: string[]): void {
  for (const shape of shapes) expect(castVote(doc, session, voter, shape, 'local')).toEqual({ ok: true });
}

const read = (doc: Y.Doc, id: string) => readVoteSession(doc, id) as VoteSession;

describe('displayedVote', () => {
  it('shows the vote in progress, else the last closed one', () => {
    const doc = board();
    expect(displayedVote(readVoteSessions(doc))).toBeNull();
    const first = vote(doc, {}, 1);
    closeVote(doc, first, 'animatrice', 'local');
    expect(displayedVote(readVoteSessions(doc))?.id).toBe(first);
    const second = vote(doc, {}, 2);
    expect(displayedVote(readVoteSessions(doc))?.id).toBe(second);
    closeVote(doc, second, 'animatrice', 'local');
    expect(displayedVote(readVoteSessions(doc))?.id).toBe(second);
  });

  it('prefers an open vote over a closed one started after it', () => {
    const doc = board();
    const open = vote(doc, {}, 1);
    const closed = vote(doc, {}, 2);
    closeVote(doc, closed, 'animatrice', 'local');
    expect(displayedVote(readVoteSessions(doc))?.id).toBe(open);
  });
});

describe('a voter’s own view of an open vote', () => {
  it('counts the dots left and where the voter put theirs, and only theirs', () => {
    const doc = board();
    const id = vote(doc, { votesPerPerson: 4 });
    cast(doc, id, 'claire', b, a, b);
    cast(doc, id, 'marc', c, c, c);
    const session = read(doc, id);
    expect(remainingVotes(session, 'claire')).toBe(1);
    expect(remainingVotes(session, 'marc')).toBe(1);
    expect(remainingVotes(session, 'nouveau')).toBe(4);
    expect(myVotes(session, 'claire')).toEqual([
      { shapeId: b, votes: 2 },
      { shapeId: a, votes: 1 },
    ]);
    expect(voterCount(session)).toBe(2);
  });

  it('keeps only the selected shapes the vote is open to', () => {
    const doc = board();
    const limited = read(doc, vote(doc, { shapeIds: [a, c] }));
    expect(votableIds(limited, [d, c, a])).toEqual([c, a]);
    const everything = read(doc, vote(doc));
    expect(votableIds(everything, new Set([d, b]))).toEqual([d, b]);
  });
});

describe('results and badges', () => {
  it('reveals nothing while the vote is open', () => {
    const doc = board();
    const id = vote(doc);
    cast(doc, id, 'claire', a);
    expect(rankedResults(read(doc, id))).toEqual([]);
    expect(voteBadges(read(doc, id))).toEqual(new Map());
    expect(voteBadges(null)).toEqual(new Map());
  });

  it('ranks the voted shapes once closed, ties sharing a rank', () => {
    const doc = board();
    const id = vote(doc);
    cast(doc, id, 'claire', a, a, b);
    cast(doc, id, 'marc', c, c, b);
    cast(doc, id, 'léa', d);
    closeVote(doc, id, 'animatrice', 'local');
    const session = read(doc, id);
    const ranked = rankedResults(session);
    expect(ranked.map(({ votes, rank }) => [votes, rank])).toEqual([
      [2, 1],
      [2, 1],
      [2, 1],
      [1, 4],
    ]);
    expect(ranked.at(-1)?.shapeId).toBe(d);
    expect(voteBadges(session)).toEqual(new Map([[a, 2], [b, 2], [c, 2], [d, 1]]));
  });

  it('uses the counts frozen at closing, not ballots that arrive later', () => {
    const doc = board();
    const id = vote(doc);
    cast(doc, id, 'claire', a);
    closeVote(doc, id, 'animatrice', 'local');
    const late = read(doc, id);
    const withStray = { ...late, ballots: [...late.ballots, { voterId: 'marc', slot: 0, shapeId: b }] };
    expect(voteBadges(withStray)).toEqual(new Map([[a, 1]]));
  });
});

describe('refusalKey', () => {
  const reasons: VoteRefusal[] = ['unknown-session', 'closed', 'not-votable', 'no-votes-left', 'no-such-vote'];

  it('says every refusal in French, each differently', () => {
    const texts = reasons.map((reason) => t(refusalKey(reason), undefined, 'fr'));
    expect(new Set(texts).size).toBe(reasons.length);
    expect(texts.every((text) => text.length > 10 && !text.includes('workshop.'))).toBe(true);
    expect(t(refusalKey('no-votes-left'), undefined, 'fr')).toMatch(/tous vos votes/);
  });

  it('has the English text too', () => {
    for (const reason of reasons) expect(t(refusalKey(reason), undefined, 'en')).not.toBe(t(refusalKey(reason), undefined, 'fr'));
  });
});

describe('shapeLabel', () => {
  it('names a shape by its text or title on one shortened line', () => {
    expect(shapeLabel(sticky(a, { text: '  Capteurs\nacoustiques   de fuite ' }))).toBe('Capteurs acoustiques de fuite');
    expect(shapeLabel(frame(a, { title: 'SWOT' }))).toBe('SWOT');
    const long = shapeLabel(rect(a, { text: 'é'.repeat(200) }));
    expect(long && [...long].length).toBe(80);
    expect(long?.endsWith('…')).toBe(true);
  });

  it('has no name for an empty or deleted shape', () => {
    expect(shapeLabel(sticky(a, { text: ' \n ' }))).toBeNull();
    expect(shapeLabel(undefined)).toBeNull();
  });
});

describe('parseVotesPerPerson', () => {
  it('accepts a whole number within the limit', () => {
    expect(parseVotesPerPerson(' 5 ', 50)).toBe(5);
    for (const text of ['0', '51', '2.5', '', 'trois', '-1']) expect(parseVotesPerPerson(text, 50), text).toBeNull();
  });
});
