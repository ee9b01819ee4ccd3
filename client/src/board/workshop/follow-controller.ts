/**
 * Follow mode for one client: follows another participant's view, publishes its own while someone
 * follows it, and summons everyone. It works on the awareness and the camera it is given and keeps
 * no DOM, so the component only renders its snapshot and forwards clicks and Esc.
 *
 * A client that follows someone publishes the view it follows, not its own fitted camera: along a
 * chain (A follows B who follows the presenter) everyone gets the presenter's rectangle, and two
 * people following each other settle instead of zooming out a little more at every round.
 */
import type { CameraControl } from './editor-camera.ts';
import {
  fitWorldRect,
  followerCount,
  FOLLOWING_FIELD,
  honourSummons,
  otherParticipants,
  readView,
  sameView,
  SUMMON_FIELD,
  VIEW_FIELD,
  VIEW_PUBLISH_INTERVAL_MS,
  viewOf,
  visibleRect,
  type AwarenessStates,
  type Participant,
  type PublishedView,
} from './follow.ts';
import { randomId } from './random-id.ts';
import { throttle } from '../presence/throttle.ts';

/** The part of a y-protocols `Awareness` used here. */
export interface FollowAwareness {
  readonly clientID: number;
  getStates(): AwarenessStates;
  setLocalStateField(field: string, value: unknown): void;
  on(event: 'change', listener: () => void): void;
  off(event: 'change', listener: () => void): void;
}

export type FollowNoticeKind = 'following' | 'summoned' | 'stopped' | 'left';

export interface FollowNotice {
  readonly kind: FollowNoticeKind;
  readonly name: string;
  /** Grows with every notice, so the same sentence twice is announced twice. */
  readonly serial: number;
}

export interface FollowSnapshot {
  readonly participants: readonly Participant[];
  readonly following: Participant | null;
  readonly presenting: boolean;
  readonly followers: number;
  readonly notice: FollowNotice | null;
}

export interface FollowController {
  getSnapshot(): FollowSnapshot;
  subscribe(listener: () => void): () => void;
  follow(clientId: number): void;
  /** The person asked to stop (the button or Esc). */
  stopFollowing(): void;
  summonEveryone(): void;
  stopPresenting(): void;
  dispose(): void;
}

export interface FollowOptions {
  awareness: FollowAwareness;
  camera: CameraControl;
  newId?: () => string;
  now?: () => number;
}

/**
 * Summons already honoured, per awareness (one per open board): the panel mounted again, or
 * remounted with a new camera, must not pull its user back to a presenter they left.
 */
const honouredSummons = new WeakMap<FollowAwareness, ReadonlySet<string>>();

export function createFollowController({ awareness, camera, newId = randomId, now = Date.now }: FollowOptions): FollowController {
  const self = awareness.clientID;
  let states = awareness.getStates();
  let following: Participant | null = null;
  let followedView: PublishedView | null = null;
  let presenting = false;
  let publishing = false;
  let handled: ReadonlySet<string> = honouredSummons.get(awareness) ?? new Set();
  let notice: FollowNotice | null = null;
  let viewport = camera.getViewport();
  const listeners = new Set<() => void>();

  const build = (): FollowSnapshot => ({
    participants: otherParticipants(states, self),
    following,
    presenting,
    followers: followerCount(states, self),
    notice,
  });
  let snapshot = build();
  // Awareness changes with every cursor move: only a different snapshot re-renders the component.
  const emit = () => {
    const next = build();
    if (JSON.stringify(next) === JSON.stringify(snapshot)) return;
    snapshot = next;
    for (const listener of listeners) listener();
  };
  const say = (kind: FollowNoticeKind, name: string) => {
    notice = { kind, name, serial: (notice?.serial ?? 0) + 1 };
  };

  const publish = throttle(() => {
    if (publishing) awareness.setLocalStateField(VIEW_FIELD, (following && followedView) ?? viewOf(camera.getCamera(), camera.getViewport()));
  }, VIEW_PUBLISH_INTERVAL_MS);

  const updatePublishing = () => {
    const needed = presenting || followerCount(states, self) > 0;
    if (needed === publishing) return;
    publishing = needed;
    if (needed) return publish();
    publish.cancel();
    awareness.setLocalStateField(VIEW_FIELD, null);
  };

  const showFollowedView = () => {
    if (following && followedView) camera.setCamera(fitWorldRect(visibleRect(followedView), camera.getViewport()));
  };

  const startFollowing = (participant: Participant, kind: 'following' | 'summoned') => {
    following = participant;
    followedView = readView(states.get(participant.clientId)?.[VIEW_FIELD]);
    say(kind, participant.name);
    awareness.setLocalStateField(FOLLOWING_FIELD, participant.clientId);
    showFollowedView();
  };

  const stop = (kind: 'stopped' | 'left' | null) => {
    if (!following) return;
    if (kind) say(kind, following.name);
    following = null;
    followedView = null;
    awareness.setLocalStateField(FOLLOWING_FIELD, null);
  };

  const endPresenting = () => {
    if (!presenting) return;
    presenting = false;
    awareness.setLocalStateField(SUMMON_FIELD, null);
  };

  const onAwarenessChange = () => {
    states = awareness.getStates();
    const decision = honourSummons(states, self, handled);
    // Recorded before acting: acting writes to the awareness, which calls this again.
    handled = decision.handled;
    honouredSummons.set(awareness, handled);
    const summoner = otherParticipants(states, self).find((participant) => participant.clientId === decision.follow);
    if (summoner && !presenting) startFollowing(summoner, 'summoned');
    else if (following) {
      const state = states.get(following.clientId);
      const view = readView(state?.[VIEW_FIELD]);
      if (!state) stop('left');
      else if (view && !sameView(view, followedView)) {
        followedView = view;
        showFollowedView();
      }
    }
    updatePublishing();
    emit();
  };

  awareness.on('change', onAwarenessChange);
  const unwatchView = camera.onViewChange(() => {
    const resized = camera.getViewport() !== viewport;
    viewport = camera.getViewport();
    if (resized) showFollowedView();
    if (publishing) publish();
  });
  const unwatchUser = camera.onUserCameraChange(() => {
    stop('stopped');
    emit();
  });
  onAwarenessChange();

  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    follow(clientId) {
      const participant = otherParticipants(states, self).find((candidate) => candidate.clientId === clientId);
      if (!participant || following?.clientId === clientId) return;
      endPresenting();
      startFollowing(participant, 'following');
      updatePublishing();
      emit();
    },
    stopFollowing() {
      stop('stopped');
      emit();
    },
    summonEveryone() {
      stop(null);
      presenting = true;
      awareness.setLocalStateField(SUMMON_FIELD, { id: newId(), at: now() });
      updatePublishing();
      publish();
      emit();
    },
    stopPresenting() {
      endPresenting();
      updatePublishing();
      emit();
    },
    dispose() {
      awareness.off('change', onAwarenessChange);
      unwatchView();
      unwatchUser();
      publish.cancel();
      listeners.clear();
      for (const field of [VIEW_FIELD, FOLLOWING_FIELD, SUMMON_FIELD]) awareness.setLocalStateField(field, null);
    },
  };
}
