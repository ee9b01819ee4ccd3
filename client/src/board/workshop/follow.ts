/**
 * Presenter mode over awareness, as pure functions. Besides `user`, a client's awareness state may
 * hold:
 *
 * ```
 * view       {x, y, zoom, width, height}: the world rectangle it shows, as its camera and its
 *            viewport size; published only while someone follows it or it summons everyone
 * following  the client id whose view it follows, or null
 * summon     {id, at}: « amener tout le monde ici »; every other client honours a given id once
 * ```
 *
 * Awareness comes from other browsers: every value is checked before it moves a camera.
 */
import { sanitizeIdentity } from '../../sync/identity.ts';
import { clampZoom, MAX_ZOOM, MIN_ZOOM, visibleWorld, type Camera, type Viewport } from '../engine/camera.ts';
import type { Box } from '../engine/geometry/math.ts';

export const VIEW_FIELD = 'view';
export const FOLLOWING_FIELD = 'following';
export const SUMMON_FIELD = 'summon';

/** 100 ms: at most ten view updates a second per presenter. */
export const VIEW_PUBLISH_INTERVAL_MS = 100;

export type AwarenessStates = ReadonlyMap<number, Readonly<Record<string, unknown>>>;

export interface PublishedView extends Camera, Viewport {}

export function viewOf(camera: Camera, viewport: Viewport): PublishedView {
  return { x: camera.x, y: camera.y, zoom: camera.zoom, width: viewport.width, height: viewport.height };
}

/** Far beyond any board, near enough that arithmetic on it stays exact. */
const MAX_COORDINATE = 1e9;
const MAX_VIEWPORT_PX = 100_000;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const within = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;

export function readView(value: unknown): PublishedView | null {
  if (!isRecord(value)) return null;
  const { x, y, zoom, width, height } = value;
  if (!within(x, -MAX_COORDINATE, MAX_COORDINATE) || !within(y, -MAX_COORDINATE, MAX_COORDINATE)) return null;
  if (!within(zoom, MIN_ZOOM, MAX_ZOOM) || !within(width, 1, MAX_VIEWPORT_PX) || !within(height, 1, MAX_VIEWPORT_PX)) return null;
  return { x, y, zoom, width, height };
}

export function visibleRect(view: PublishedView): Box {
  return visibleWorld(view, view);
}

/**
 * The camera that shows all of `rect` in `viewport`, centred: a follower with a smaller or
 * differently shaped screen sees at least what the presenter sees, with a margin on one axis.
 */
export function fitWorldRect(rect: Box, viewport: Viewport): Camera {
  const zoom = clampZoom(Math.min(viewport.width / rect.w, viewport.height / rect.h));
  return {
    x: rect.x + rect.w / 2 - viewport.width / 2 / zoom,
    y: rect.y + rect.h / 2 - viewport.height / 2 / zoom,
    zoom,
  };
}

export interface Summon {
  readonly id: string;
  /** The summoner's clock: of two summons at once, the later wins. */
  readonly at: number;
}

export function readSummon(value: unknown): Summon | null {
  if (!isRecord(value)) return null;
  const { id, at } = value;
  return typeof id === 'string' && id.length > 0 && id.length <= 64 && within(at, 0, Number.MAX_SAFE_INTEGER) ? { id, at } : null;
}

export function readFollowing(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : null;
}

export interface Participant {
  readonly clientId: number;
  readonly name: string;
  readonly color: string;
}

/** Everyone else on the board who says who they are, by name. */
export function otherParticipants(states: AwarenessStates, self: number): Participant[] {
  const others: Participant[] = [];
  for (const [clientId, state] of states) {
    const identity = clientId === self ? null : sanitizeIdentity(state.user);
    if (identity) others.push({ clientId, ...identity });
  }
  return others.sort((a, b) => a.name.localeCompare(b.name, 'fr') || a.clientId - b.clientId);
}

export function followerCount(states: AwarenessStates, self: number): number {
  let count = 0;
  for (const [clientId, state] of states) if (clientId !== self && readFollowing(state[FOLLOWING_FIELD]) === self) count++;
  return count;
}

export interface SummonDecision {
  /** The client to follow now, or null. */
  readonly follow: number | null;
  /** The summons seen so far, this one included: none of them moves this client again. */
  readonly handled: ReadonlySet<string>;
}

/** Which summon, if any, to honour now: the latest new one from a named participant. */
export function honourSummons(states: AwarenessStates, self: number, handled: ReadonlySet<string>): SummonDecision {
  let best: { clientId: number; at: number } | null = null;
  const seen = new Set(handled);
  for (const { clientId } of otherParticipants(states, self)) {
    const summon = readSummon(states.get(clientId)?.[SUMMON_FIELD]);
    if (!summon || handled.has(summon.id)) continue;
    seen.add(summon.id);
    if (!best || summon.at > best.at) best = { clientId, at: summon.at };
  }
  return { follow: best?.clientId ?? null, handled: seen };
}

export function sameView(a: PublishedView | null, b: PublishedView | null): boolean {
  return a === b || (a !== null && b !== null && a.x === b.x && a.y === b.y && a.zoom === b.zoom && a.width === b.width && a.height === b.height);
}
