import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addShapes } from './layout.ts';
import { idSequence, sticky, twoPeers } from './testing.ts';
import {
  ballotsOf,
  castVote,
  closeVote,
  pauseTimer,
  readTimer,
  readVoteSession,
  readVoteSessions,
  removeVote,
  resetTimer,
  resumeTimer,
  startTimer,
  startVote,
  timerRemaining,
  voteResults,
  type TimerState,
  type VoteSession,
} from './workshop.ts';

const LOCAL = 'local';
const next = idSequence();
const [IDEA_1, IDEA_2, IDEA_3, SESSION, SESSION_2] = Array.from({ length: 5 }, next) as [string, string, string, string, string];
const [ALICE, BOB] = ['alice', 'bob'];

function boardWithIdeas(doc = new Y.Doc()): Y.Doc {
  addShapes(doc, [sticky(IDEA_1), sticky(IDEA_2), sticky(IDEA_3)], LOCAL);
  return doc;
}

function session(doc: Y.Doc, id = SESSION): VoteSession {
  return readVoteSession(doc, id) as VoteSession;
}

function timer(doc: Y.Doc): TimerState {
  return readTimer(doc) as TimerState;
}

describe('timer', () => {
  it('runs, pauses, resumes and resets', () => {
    const doc = new Y.Doc();
    expect(readTimer(doc)).toBeNull();
    startTimer(doc, 300_000, ALICE, LOCAL, 1_000);
    expect(readTimer(doc)).toEqual({ status: 'running', durationMs: 300_000, endsAt: 301_000, by: ALICE });
    expect(timerRemaining(timer(doc), 61_000)).toBe(240_000);
    pauseTimer(doc, BOB, LOCAL, 101_000);
    expect(readTimer(doc)).toEqual({ status: 'paused', durationMs: 300_000, remainingMs: 200_000, by: BOB });
    expect(timerRemaining(timer(doc), 999_999)).toBe(200_000);
    resumeTimer(doc, ALICE, LOCAL, 500_000);
    expect(timerRemaining(timer(doc), 550_000)).toBe(150_000);
    resetTimer(doc, ALICE, LOCAL);
    expect(readTimer(doc)).toEqual({ status: 'idle', durationMs: 300_000, by: ALICE });
    expect(timerRemaining(timer(doc), 0)).toBe(300_000);
  });

  it('never counts below zero or above the duration (a clock ahead or behind)', () => {
    const running = { status: 'running', durationMs: 60_000, endsAt: 100_000, by: ALICE } as const;
    expect(timerRemaining(running, 200_000)).toBe(0);
    expect(timerRemaining(running, 0)).toBe(60_000);
  });

  it('ignores a pause of a stopped timer and a resume of a running one', () => {
    const doc = new Y.Doc();
    let updates = 0;
    doc.on('update', () => updates++);
    pauseTimer(doc, ALICE, LOCAL);
    resetTimer(doc, ALICE, LOCAL);
    startTimer(doc, 1000, ALICE, LOCAL, 0);
    resumeTimer(doc, ALICE, LOCAL, 10);
    expect(updates).toBe(1);
    expect(readTimer(doc)).toMatchObject({ status: 'running', endsAt: 1000 });
  });

  it('refuses a duration that is not a positive number of milliseconds up to a day', () => {
    const doc = new Y.Doc();
    for (const bad of [0, -1, 1.5, Number.NaN, 25 * 3_600_000]) expect(() => startTimer(doc, bad, ALICE, LOCAL)).toThrow(RangeError);
  });

  it('lets one of two concurrent starts win whole', () => {
    const { a, b, sync } = twoPeers();
    startTimer(a, 60_000, ALICE, LOCAL, 0);
    startTimer(b, 120_000, BOB, LOCAL, 5);
    sync();
    expect(readTimer(a)).toEqual(readTimer(b));
    expect([
      { status: 'running', durationMs: 60_000, endsAt: 60_000, by: ALICE },
      { status: 'running', durationMs: 120_000, endsAt: 120_005, by: BOB },
    ]).toContainEqual(readTimer(a));
  });

  it('reads an unreadable remote timer as no timer', () => {
    const doc = new Y.Doc();
    doc.getMap('board').set('timer', { status: 'running', durationMs: 'long' });
    expect(readTimer(doc)).toBeNull();
  });
});

describe('dot voting', () => {
  it('gives each participant N votes, several on one idea allowed, and counts them', () => {
    const doc = boardWithIdeas();
    startVote(doc, { id: SESSION, votesPerPerson: 3 }, ALICE, LOCAL, 1_000);
    for (const idea of [IDEA_1, IDEA_1, IDEA_2]) expect(castVote(doc, SESSION, BOB, idea, LOCAL)).toEqual({ ok: true });
    expect(castVote(doc, SESSION, BOB, IDEA_3, LOCAL)).toEqual({ ok: false, reason: 'no-votes-left' });
    expect(castVote(doc, SESSION, ALICE, IDEA_2, LOCAL)).toEqual({ ok: true });
    expect(ballotsOf(session(doc), BOB)).toHaveLength(3);
    expect(voteResults(session(doc))).toEqual([
      { shapeId: IDEA_1, votes: 2 },
      { shapeId: IDEA_2, votes: 2 },
    ].sort((a, b) => (a.shapeId < b.shapeId ? -1 : 1)));
  });

  it('gives a vote back when it is removed', () => {
    const doc = boardWithIdeas();
    startVote(doc, { id: SESSION, votesPerPerson: 1 }, ALICE, LOCAL);
    castVote(doc, SESSION, BOB, IDEA_1, LOCAL);
    expect(removeVote(doc, SESSION, BOB, IDEA_2, LOCAL)).toEqual({ ok: false, reason: 'no-such-vote' });
    expect(removeVote(doc, SESSION, BOB, IDEA_1, LOCAL)).toEqual({ ok: true });
    expect(castVote(doc, SESSION, BOB, IDEA_3, LOCAL)).toEqual({ ok: true });
    expect(voteResults(session(doc))).toEqual([{ shapeId: IDEA_3, votes: 1 }]);
  });

  it('only takes votes on the shapes put to the vote, and on shapes that exist', () => {
    const doc = boardWithIdeas();
    startVote(doc, { id: SESSION, votesPerPerson: 3, shapeIds: [IDEA_1, IDEA_2] }, ALICE, LOCAL);
    expect(castVote(doc, SESSION, BOB, IDEA_3, LOCAL)).toEqual({ ok: false, reason: 'not-votable' });
    startVote(doc, { id: SESSION_2, votesPerPerson: 3 }, ALICE, LOCAL);
    expect(castVote(doc, SESSION_2, BOB, next(), LOCAL)).toEqual({ ok: false, reason: 'not-votable' });
    expect(castVote(doc, next(), BOB, IDEA_1, LOCAL)).toEqual({ ok: false, reason: 'unknown-session' });
  });

  it('refuses votes once closed and shows the results frozen at closing', () => {
    const doc = boardWithIdeas();
    startVote(doc, { id: SESSION, votesPerPerson: 2 }, ALICE, LOCAL);
    castVote(doc, SESSION, BOB, IDEA_2, LOCAL);
    expect(closeVote(doc, SESSION, ALICE, LOCAL, 9_000)).toEqual({ ok: true });
    expect(session(doc).closed).toEqual({ by: ALICE, at: 9_000, tally: { [IDEA_2]: 1 } });
    expect(castVote(doc, SESSION, BOB, IDEA_1, LOCAL)).toEqual({ ok: false, reason: 'closed' });
    expect(removeVote(doc, SESSION, BOB, IDEA_2, LOCAL)).toEqual({ ok: false, reason: 'closed' });
    expect(closeVote(doc, SESSION, BOB, LOCAL)).toEqual({ ok: false, reason: 'closed' });
    expect(voteResults(session(doc))).toEqual([{ shapeId: IDEA_2, votes: 1 }]);
  });

  it('never lets concurrent voters overwrite each other', () => {
    const { a, b, sync } = twoPeers();
    boardWithIdeas(a);
    startVote(a, { id: SESSION, votesPerPerson: 2 }, ALICE, LOCAL);
    sync();
    castVote(a, SESSION, ALICE, IDEA_1, LOCAL);
    castVote(a, SESSION, ALICE, IDEA_2, LOCAL);
    castVote(b, SESSION, BOB, IDEA_1, LOCAL);
    castVote(b, SESSION, BOB, IDEA_3, LOCAL);
    sync();
    expect(session(a).ballots).toHaveLength(4);
    expect(voteResults(session(a))).toEqual(voteResults(session(b)));
    expect(voteResults(session(a))[0]).toEqual({ shapeId: IDEA_1, votes: 2 });
  });

  it('never gives one voter more than N votes, even from two tabs at once', () => {
    const { a, b, sync } = twoPeers();
    boardWithIdeas(a);
    startVote(a, { id: SESSION, votesPerPerson: 2 }, ALICE, LOCAL);
    sync();
    for (const doc of [a, b]) for (const idea of [IDEA_1, IDEA_2]) castVote(doc, SESSION, BOB, idea, LOCAL);
    sync();
    expect(ballotsOf(session(a), BOB)).toHaveLength(2);
    expect(castVote(a, SESSION, BOB, IDEA_3, LOCAL)).toEqual({ ok: false, reason: 'no-votes-left' });
  });

  it('ignores a ballot that crosses the close on the network', () => {
    const { a, b, sync } = twoPeers();
    boardWithIdeas(a);
    startVote(a, { id: SESSION, votesPerPerson: 2 }, ALICE, LOCAL);
    castVote(a, SESSION, BOB, IDEA_1, LOCAL);
    sync();
    closeVote(a, SESSION, ALICE, LOCAL);
    castVote(b, SESSION, BOB, IDEA_3, LOCAL);
    sync();
    expect(voteResults(session(b))).toEqual([{ shapeId: IDEA_1, votes: 1 }]);
  });

  it('ignores remote ballots beyond the limit or outside the vote', () => {
    const doc = boardWithIdeas();
    startVote(doc, { id: SESSION, votesPerPerson: 2, shapeIds: [IDEA_1] }, ALICE, LOCAL);
    const ballots = (doc.getMap('board').get(`vote:${SESSION}`) as Y.Map<unknown>).get('ballots') as Y.Map<unknown>;
    for (const key of ['bob:2', 'bob:-1', 'bob:01', ':0', 'bob:1.0']) ballots.set(key, IDEA_1);
    ballots.set('bob:0', IDEA_2);
    ballots.set('bob:1', IDEA_1);
    expect(session(doc).ballots).toEqual([{ voterId: BOB, slot: 1, shapeId: IDEA_1 }]);
  });

  it('lists the sessions oldest first, and refuses a used or malformed session id', () => {
    const doc = boardWithIdeas();
    startVote(doc, { id: SESSION, votesPerPerson: 1 }, ALICE, LOCAL, 2_000);
    startVote(doc, { id: SESSION_2, votesPerPerson: 5 }, ALICE, LOCAL, 1_000);
    expect(readVoteSessions(doc).map((vote) => [vote.id, vote.votesPerPerson])).toEqual([[SESSION_2, 5], [SESSION, 1]]);
    expect(() => startVote(doc, { id: SESSION, votesPerPerson: 1 }, ALICE, LOCAL)).toThrow(RangeError);
    expect(() => startVote(doc, { id: 'vote-1', votesPerPerson: 1 }, ALICE, LOCAL)).toThrow(RangeError);
    expect(() => startVote(doc, { id: next(), votesPerPerson: 0 }, ALICE, LOCAL)).toThrow(RangeError);
  });

  it('makes each write one update', () => {
    const doc = boardWithIdeas();
    let updates = 0;
    doc.on('update', () => updates++);
    startVote(doc, { id: SESSION, votesPerPerson: 2 }, ALICE, LOCAL);
    castVote(doc, SESSION, BOB, IDEA_1, LOCAL);
    removeVote(doc, SESSION, BOB, IDEA_1, LOCAL);
    closeVote(doc, SESSION, ALICE, LOCAL);
    expect(updates).toBe(4);
  });
});
