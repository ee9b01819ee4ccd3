/**
 * Workshop state shared by everyone on a board: the facilitator's timer and the dot-voting
 * sessions. They live in the board document next to the shapes, so they sync, persist and come
 * back with a restored version like everything else.
 *
 * ```
 * doc.getMap('board')
 *   timer              {status, durationMs, endsAt | remainingMs, by} as ONE value: of two
 *                      concurrent starts or pauses, one wins whole
 *   vote:<session id>  Y.Map, created once by the facilitator who starts the vote
 *     settings         {votesPerPerson, shapeIds | null, startedBy, startedAt}, written once
 *     ballots          Y.Map "<voter id>:<n>" → shape id, n < votesPerPerson: each voter writes only
 *                      their own keys, so concurrent voters never overwrite each other, and one
 *                      voter in two tabs at once can at worst fill a slot twice, never exceed N
 *     closed           {by, at, tally}: the counts frozen when the vote was closed, so a ballot
 *                      crossing the close on the network changes nothing
 * ```
 *
 * Each session is a key of the board map rather than an entry of a nested "votes" map: two
 * facilitators creating that nested map at once would each make their own, and one would be lost.
 * Times come from the clock of whoever acts; clients' clocks differ by a second or so, which a
 * workshop timer tolerates. Who may start, vote and close is decided by the board's permissions,
 * not here. Every write function makes at most one `doc.transact` with the given origin.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import { idSchema } from '../model/ids.ts';
import { describeIssues } from './issue-text.ts';
import { shapesMap } from './layout.ts';
import { shapeIdSchema } from './schema.ts';

const BOARD = 'board';
const TIMER = 'timer';
const VOTE_PREFIX = 'vote:';

function boardMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(BOARD);
}

// ——— Timer ———

export const MAX_TIMER_MS = 24 * 60 * 60 * 1000;

const duration = z.number().int().min(1).max(MAX_TIMER_MS);
const actor = z.string().max(64);

const timerSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('idle'), durationMs: duration, by: actor }),
  z.object({ status: z.literal('running'), durationMs: duration, endsAt: z.number().finite(), by: actor }),
  z.object({ status: z.literal('paused'), durationMs: duration, remainingMs: z.number().min(0).max(MAX_TIMER_MS), by: actor }),
]);

export type TimerState = z.infer<typeof timerSchema>;

/** The timer, or null when none was ever started (or a peer stored something unreadable). */
export function readTimer(doc: Y.Doc): TimerState | null {
  const result = timerSchema.safeParse(boardMap(doc).get(TIMER));
  return result.success ? result.data : null;
}

function writeTimer(doc: Y.Doc, state: TimerState, origin: unknown): void {
  doc.transact(() => boardMap(doc).set(TIMER, state), origin);
}

export function startTimer(doc: Y.Doc, durationMs: number, by: string, origin: unknown, now = Date.now()): void {
  if (!duration.safeParse(durationMs).success) throw new RangeError(`startTimer: bad duration ${durationMs}`);
  writeTimer(doc, { status: 'running', durationMs, endsAt: now + durationMs, by }, origin);
}

/** Milliseconds left: counts down while running, frozen while paused, full when idle. */
export function timerRemaining(state: TimerState, now: number): number {
  if (state.status === 'running') return Math.min(state.durationMs, Math.max(0, state.endsAt - now));
  return state.status === 'paused' ? state.remainingMs : state.durationMs;
}

export function pauseTimer(doc: Y.Doc, by: string, origin: unknown, now = Date.now()): void {
  const timer = readTimer(doc);
  if (timer?.status !== 'running') return;
  writeTimer(doc, { status: 'paused', durationMs: timer.durationMs, remainingMs: timerRemaining(timer, now), by }, origin);
}

export function resumeTimer(doc: Y.Doc, by: string, origin: unknown, now = Date.now()): void {
  const timer = readTimer(doc);
  if (timer?.status !== 'paused') return;
  writeTimer(doc, { status: 'running', durationMs: timer.durationMs, endsAt: now + timer.remainingMs, by }, origin);
}

/** Back to the full duration, stopped; the duration stays for the next start. */
export function resetTimer(doc: Y.Doc, by: string, origin: unknown): void {
  const timer = readTimer(doc);
  if (timer) writeTimer(doc, { status: 'idle', durationMs: timer.durationMs, by }, origin);
}

// ——— Dot voting ———

export const MAX_VOTES_PER_PERSON = 50;
const MAX_VOTABLE_SHAPES = 10_000;

const settingsSchema = z.object({
  votesPerPerson: z.number().int().min(1).max(MAX_VOTES_PER_PERSON),
  shapeIds: z.array(shapeIdSchema).max(MAX_VOTABLE_SHAPES).nullable(),
  startedBy: actor,
  startedAt: z.number().finite(),
});

const closedSchema = z.object({
  by: actor,
  at: z.number().finite(),
  tally: z.record(shapeIdSchema, z.number().int().min(0)),
});

export interface Ballot {
  voterId: string;
  slot: number;
  shapeId: string;
}

export interface VoteSession extends z.infer<typeof settingsSchema> {
  id: string;
  closed: z.infer<typeof closedSchema> | null;
  /** The readable ballots: a slot beyond the limit or a shape outside the vote is ignored. */
  ballots: Ballot[];
}

export type VoteRefusal = 'unknown-session' | 'closed' | 'not-votable' | 'no-votes-left' | 'no-such-vote';
export type VoteOutcome = { ok: true } | { ok: false; reason: VoteRefusal };

export interface VoteOptions {
  /** A new id (see `model/ids.ts`), chosen by the caller like every id. */
  id: string;
  votesPerPerson: number;
  /** The shapes open to votes; all shapes of the board when absent. */
  shapeIds?: readonly string[];
}

function ballotKey(voterId: string, slot: number): string {
  return `${voterId}:${slot}`;
}

function sessionMap(doc: Y.Doc, id: string): Y.Map<unknown> | null {
  const session = boardMap(doc).get(VOTE_PREFIX + id);
  return session instanceof Y.Map ? session : null;
}

export function startVote(doc: Y.Doc, options: VoteOptions, by: string, origin: unknown, now = Date.now()): void {
  if (!idSchema.safeParse(options.id).success || boardMap(doc).has(VOTE_PREFIX + options.id)) {
    throw new RangeError(`startVote: bad or used session id ${options.id}`);
  }
  const settings = settingsSchema.safeParse({
    votesPerPerson: options.votesPerPerson,
    shapeIds: options.shapeIds ? [...new Set(options.shapeIds)] : null,
    startedBy: by,
    startedAt: now,
  });
  if (!settings.success) throw new RangeError(`startVote: ${describeIssues(settings.error.issues)}`);
  const session = new Y.Map<unknown>();
  session.set('settings', settings.data);
  session.set('ballots', new Y.Map<unknown>());
  doc.transact(() => boardMap(doc).set(VOTE_PREFIX + options.id, session), origin);
}

function readBallots(ballots: unknown, settings: z.infer<typeof settingsSchema>): Ballot[] {
  if (!(ballots instanceof Y.Map)) return [];
  const allowed = settings.shapeIds && new Set(settings.shapeIds);
  const read: Ballot[] = [];
  for (const [key, shapeId] of ballots.entries()) {
    const colon = key.lastIndexOf(':');
    const slotText = key.slice(colon + 1);
    const slot = Number(slotText);
    const validSlot = colon > 0 && /^(0|[1-9][0-9]*)$/.test(slotText) && slot < settings.votesPerPerson;
    if (!validSlot || !shapeIdSchema.safeParse(shapeId).success || (allowed && !allowed.has(shapeId))) continue;
    read.push({ voterId: key.slice(0, colon), slot, shapeId });
  }
  return read;
}

export function readVoteSession(doc: Y.Doc, id: string): VoteSession | null {
  const session = sessionMap(doc, id);
  const settings = settingsSchema.safeParse(session?.get('settings'));
  if (!session || !settings.success) return null;
  const closed = closedSchema.safeParse(session.get('closed'));
  return { id, ...settings.data, closed: closed.success ? closed.data : null, ballots: readBallots(session.get('ballots'), settings.data) };
}

/** Every readable session, oldest first: the last open one is the vote in progress. */
export function readVoteSessions(doc: Y.Doc): VoteSession[] {
  const sessions: VoteSession[] = [];
  for (const key of boardMap(doc).keys()) {
    const session = key.startsWith(VOTE_PREFIX) ? readVoteSession(doc, key.slice(VOTE_PREFIX.length)) : null;
    if (session) sessions.push(session);
  }
  return sessions.sort((a, b) => a.startedAt - b.startedAt || (a.id < b.id ? -1 : 1));
}

export function ballotsOf(session: VoteSession, voterId: string): Ballot[] {
  return session.ballots.filter((ballot) => ballot.voterId === voterId);
}

/** Votes per shape, most voted first (ties by id); frozen once the vote is closed. */
export function voteResults(session: VoteSession): { shapeId: string; votes: number }[] {
  const counts = new Map<string, number>(session.closed ? Object.entries(session.closed.tally) : []);
  if (!session.closed) for (const { shapeId } of session.ballots) counts.set(shapeId, (counts.get(shapeId) ?? 0) + 1);
  return [...counts]
    .map(([shapeId, votes]) => ({ shapeId, votes }))
    .sort((a, b) => b.votes - a.votes || (a.shapeId < b.shapeId ? -1 : 1));
}

/** Puts one of the voter's dots on a shape (several on one shape are allowed), in their lowest free slot. */
export function castVote(doc: Y.Doc, sessionId: string, voterId: string, shapeId: string, origin: unknown): VoteOutcome {
  const session = readVoteSession(doc, sessionId);
  if (!session) return { ok: false, reason: 'unknown-session' };
  if (session.closed) return { ok: false, reason: 'closed' };
  const votable = session.shapeIds ? session.shapeIds.includes(shapeId) : shapeIdSchema.safeParse(shapeId).success;
  if (!votable || !shapesMap(doc).has(shapeId)) return { ok: false, reason: 'not-votable' };
  const used = new Set(ballotsOf(session, voterId).map((ballot) => ballot.slot));
  const slot = Array.from({ length: session.votesPerPerson }, (_, n) => n).find((n) => !used.has(n));
  if (slot === undefined) return { ok: false, reason: 'no-votes-left' };
  const ballots = sessionMap(doc, sessionId)?.get('ballots');
  if (!(ballots instanceof Y.Map)) return { ok: false, reason: 'unknown-session' };
  doc.transact(() => ballots.set(ballotKey(voterId, slot), shapeId), origin);
  return { ok: true };
}

/** Takes back one of the voter's dots from a shape. */
export function removeVote(doc: Y.Doc, sessionId: string, voterId: string, shapeId: string, origin: unknown): VoteOutcome {
  const session = readVoteSession(doc, sessionId);
  if (!session) return { ok: false, reason: 'unknown-session' };
  if (session.closed) return { ok: false, reason: 'closed' };
  const mine = ballotsOf(session, voterId).filter((ballot) => ballot.shapeId === shapeId);
  const last = mine.sort((a, b) => b.slot - a.slot)[0];
  const ballots = sessionMap(doc, sessionId)?.get('ballots');
  if (!last || !(ballots instanceof Y.Map)) return { ok: false, reason: 'no-such-vote' };
  doc.transact(() => ballots.delete(ballotKey(voterId, last.slot)), origin);
  return { ok: true };
}

/** Ends the vote and freezes its counts as this peer sees them. Closing twice keeps the first tally. */
export function closeVote(doc: Y.Doc, sessionId: string, by: string, origin: unknown, now = Date.now()): VoteOutcome {
  const session = readVoteSession(doc, sessionId);
  const map = sessionMap(doc, sessionId);
  if (!session || !map) return { ok: false, reason: 'unknown-session' };
  if (session.closed) return { ok: false, reason: 'closed' };
  const tally = Object.fromEntries(voteResults(session).map(({ shapeId, votes }) => [shapeId, votes]));
  doc.transact(() => map.set('closed', { by, at: now, tally }), origin);
  return { ok: true };
}
