import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { visibleWorld, type Camera, type Viewport } from '../engine/camera.ts';
import type { CameraControl } from './editor-camera.ts';
import { createFollowController, type FollowController } from './follow-controller.ts';
import { readView, VIEW_FIELD } from './follow.ts';

/** A camera that moves only when told; `pan` is the person's own move. */
function fakeCamera(initial: Viewport) {
  let camera: Camera = { x: 0, y: 0, zoom: 1 };
  let viewport = initial;
  const viewListeners = new Set<() => void>();
  const userListeners = new Set<() => void>();
  const subscribe = (set: Set<() => void>) => (listener: () => void) => {
    set.add(listener);
    return () => set.delete(listener);
  };
  const control: CameraControl = {
    getCamera: () => camera,
    getViewport: () => viewport,
    setCamera(next) {
      camera = next;
      for (const listener of viewListeners) listener();
    },
    onViewChange: subscribe(viewListeners),
    onUserCameraChange: subscribe(userListeners),
  };
  return {
    control,
    pan(dx: number) {
      camera = { ...camera, x: camera.x + dx };
      for (const listener of [...viewListeners, ...userListeners]) listener();
    },
    resize(next: Viewport) {
      viewport = next;
      for (const listener of viewListeners) listener();
    },
    shown: () => visibleWorld(camera, viewport),
  };
}

interface Peer {
  name: string;
  awareness: Awareness;
  camera: ReturnType<typeof fakeCamera>;
  controller: FollowController;
}

/** Peers whose awareness updates travel only on `flush()`, like messages through the server. */
function room() {
  const peers: Peer[] = [];
  const queue: { from: Awareness; update: Uint8Array }[] = [];
  let ids = 0;
  const flush = () => {
    for (let message = queue.shift(); message; message = queue.shift()) {
      for (const peer of peers) if (peer.awareness !== message.from) applyAwarenessUpdate(peer.awareness, message.update, 'remote');
    }
  };
  const join = (name: string, viewport: Viewport = { width: 1000, height: 500 }): Peer => {
    const awareness = new Awareness(new Y.Doc());
    awareness.on('update', ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
      if (origin === 'local') queue.push({ from: awareness, update: encodeAwarenessUpdate(awareness, [...added!, ...updated!, ...removed!]) });
    });
    awareness.setLocalStateField('user', { name, color: '#1d5fa8' });
    const camera = fakeCamera(viewport);
    const controller = createFollowController({ awareness, camera: camera.control, newId: () => `appel${++ids}` });
    const peer = { name, awareness, camera, controller };
    peers.push(peer);
    // Everyone already here learns about the newcomer, and the newcomer about them.
    for (const other of peers) queue.push({ from: other.awareness, update: encodeAwarenessUpdate(other.awareness, [other.awareness.clientID]) });
    flush();
    return peer;
  };
  const leave = (peer: Peer) => {
    peer.controller.dispose();
    peer.awareness.setLocalState(null);
    flush();
  };
  const destroy = () => {
    for (const peer of peers) peer.awareness.destroy();
  };
  return { join, flush, leave, destroy };
}

let network: ReturnType<typeof room>;
beforeEach(() => {
  vi.useFakeTimers();
  network = room();
});
afterEach(() => {
  network.destroy();
  vi.useRealTimers();
});

const published = (peer: Peer) => readView(peer.awareness.getLocalState()?.[VIEW_FIELD]);

describe('following a participant', () => {
  it('shows the presenter’s world rectangle, and publishes a view only while followed', () => {
    const claire = network.join('Claire', { width: 1600, height: 900 });
    const marc = network.join('Marc', { width: 800, height: 450 });
    claire.camera.control.setCamera({ x: 300, y: 200, zoom: 2 });
    expect(published(claire)).toBeNull();

    expect(marc.controller.getSnapshot().participants.map((p) => p.name)).toEqual(['Claire']);
    marc.controller.follow(claire.awareness.clientID);
    network.flush();
    expect(claire.controller.getSnapshot().followers).toBe(1);
    network.flush();
    expect(marc.camera.shown()).toEqual(claire.camera.shown());
    expect(marc.controller.getSnapshot()).toMatchObject({ following: { name: 'Claire' }, notice: { kind: 'following', name: 'Claire' } });
  });

  it('publishes at most ten views a second while the presenter pans, and the last one always', () => {
    const claire = network.join('Claire');
    const marc = network.join('Marc');
    marc.controller.follow(claire.awareness.clientID);
    network.flush();
    network.flush();
    let updates = 0;
    claire.awareness.on('change', () => updates++);
    for (let frame = 0; frame < 60; frame++) {
      claire.camera.pan(5);
      vi.advanceTimersByTime(16);
    }
    vi.advanceTimersByTime(200);
    expect(updates).toBeGreaterThan(5);
    expect(updates).toBeLessThanOrEqual(11);
    network.flush();
    expect(marc.camera.shown()).toEqual(claire.camera.shown());
  });

  it('stops when the follower moves the view themselves, and the presenter stops publishing', () => {
    const claire = network.join('Claire');
    const marc = network.join('Marc');
    marc.controller.follow(claire.awareness.clientID);
    network.flush();
    network.flush();
    marc.camera.pan(40);
    network.flush();
    expect(marc.controller.getSnapshot()).toMatchObject({ following: null, notice: { kind: 'stopped', name: 'Claire' } });
    expect(claire.controller.getSnapshot().followers).toBe(0);
    expect(published(claire)).toBeNull();
    claire.camera.pan(100);
    network.flush();
    expect(marc.camera.shown()).not.toEqual(claire.camera.shown());
  });

  it('stops when asked (Esc), and when the followed person leaves', () => {
    const claire = network.join('Claire');
    const marc = network.join('Marc');
    const lea = network.join('Léa');
    const claireId = claire.awareness.clientID;
    marc.controller.follow(claireId);
    marc.controller.stopFollowing();
    expect(marc.controller.getSnapshot().notice).toMatchObject({ kind: 'stopped', name: 'Claire' });
    lea.controller.follow(claireId);
    network.flush();
    network.leave(claire);
    expect(lea.controller.getSnapshot()).toMatchObject({ following: null, notice: { kind: 'left', name: 'Claire' } });
    expect(lea.controller.getSnapshot().participants.map((p) => p.name)).toEqual(['Marc']);
  });

  it('fits the followed view again when the follower’s window changes size', () => {
    const claire = network.join('Claire', { width: 1000, height: 500 });
    const marc = network.join('Marc', { width: 1000, height: 500 });
    marc.controller.follow(claire.awareness.clientID);
    network.flush();
    network.flush();
    marc.camera.resize({ width: 500, height: 250 });
    expect(marc.camera.shown()).toEqual(claire.camera.shown());
    expect(marc.controller.getSnapshot().following).not.toBeNull();
  });

  it('passes the presenter’s rectangle down a chain of followers unchanged', () => {
    const claire = network.join('Claire', { width: 1600, height: 900 });
    const marc = network.join('Marc', { width: 700, height: 700 });
    const lea = network.join('Léa', { width: 1600, height: 900 });
    claire.camera.control.setCamera({ x: -50, y: 20, zoom: 0.5 });
    marc.controller.follow(claire.awareness.clientID);
    lea.controller.follow(marc.awareness.clientID);
    for (let i = 0; i < 4; i++) network.flush();
    vi.advanceTimersByTime(200);
    network.flush();
    expect(lea.camera.shown()).toEqual(claire.camera.shown());
  });
});

describe('bringing everyone to the presenter', () => {
  it('makes every other participant follow the presenter once', () => {
    const claire = network.join('Claire');
    const marc = network.join('Marc');
    const lea = network.join('Léa');
    claire.camera.control.setCamera({ x: 1000, y: 1000, zoom: 0.25 });
    claire.controller.summonEveryone();
    network.flush();
    network.flush();
    for (const follower of [marc, lea]) {
      expect(follower.controller.getSnapshot()).toMatchObject({ following: { name: 'Claire' }, notice: { kind: 'summoned', name: 'Claire' } });
      expect(follower.camera.shown()).toEqual(claire.camera.shown());
    }
    expect(claire.controller.getSnapshot()).toMatchObject({ presenting: true, followers: 2, following: null });

    lea.camera.pan(30);
    claire.camera.pan(10);
    vi.advanceTimersByTime(200);
    network.flush();
    expect(lea.controller.getSnapshot().following).toBeNull();
    expect(marc.camera.shown()).toEqual(claire.camera.shown());
  });

  it('brings a latecomer in, and a new summon brings back those who left', () => {
    const claire = network.join('Claire');
    const marc = network.join('Marc');
    claire.controller.summonEveryone();
    network.flush();
    const lea = network.join('Léa');
    network.flush();
    expect(lea.controller.getSnapshot().following).toMatchObject({ name: 'Claire' });

    marc.controller.stopFollowing();
    network.flush();
    expect(marc.controller.getSnapshot().following).toBeNull();
    claire.controller.stopPresenting();
    network.flush();
    expect(claire.controller.getSnapshot().presenting).toBe(false);
    claire.controller.summonEveryone();
    network.flush();
    expect(marc.controller.getSnapshot().following).toMatchObject({ name: 'Claire' });
  });

  it('does not honour a summon again when the panel is mounted again', () => {
    const claire = network.join('Claire');
    const marc = network.join('Marc');
    claire.controller.summonEveryone();
    network.flush();
    marc.controller.dispose();
    const again = createFollowController({ awareness: marc.awareness, camera: marc.camera.control });
    network.flush();
    expect(again.getSnapshot().following).toBeNull();
    again.dispose();
  });

  it('clears what it published when disposed', () => {
    const claire = network.join('Claire');
    network.join('Marc');
    claire.controller.summonEveryone();
    network.flush();
    expect(published(claire)).not.toBeNull();
    claire.controller.dispose();
    expect(claire.awareness.getLocalState()).toMatchObject({ view: null, following: null, summon: null });
  });
});
