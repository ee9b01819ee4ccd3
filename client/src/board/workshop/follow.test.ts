import { describe, expect, it } from 'vitest';
import { MAX_ZOOM, MIN_ZOOM, visibleWorld } from '../engine/camera.ts';
import {
  fitWorldRect,
  followerCount,
  honourSummons,
  otherParticipants,
  readFollowing,
  readSummon,
  readView,
  viewOf,
  visibleRect,
  type AwarenessStates,
} from './follow.ts';

const user = (name: string) => ({ name, color: '#1d5fa8' });

describe('fitWorldRect', () => {
  it('shows exactly the same rectangle in a viewport of the same shape', () => {
    const presenter = viewOf({ x: 100, y: 50, zoom: 2 }, { width: 1600, height: 900 });
    const camera = fitWorldRect(visibleRect(presenter), { width: 800, height: 450 });
    expect(camera).toEqual({ x: 100, y: 50, zoom: 1 });
  });

  it('shows all of a wide rectangle in a tall viewport, centred, with room above and below', () => {
    const rect = { x: 0, y: 0, w: 1000, h: 500 };
    const viewport = { width: 500, height: 1000 };
    const camera = fitWorldRect(rect, viewport);
    expect(camera.zoom).toBe(0.5);
    const shown = visibleWorld(camera, viewport);
    expect(shown.x).toBeCloseTo(0);
    expect(shown.w).toBeCloseTo(1000);
    expect(shown.y).toBeLessThan(0);
    expect(shown.y + shown.h).toBeGreaterThan(500);
    expect(shown.y + shown.h / 2).toBeCloseTo(250);
  });

  it('keeps the zoom within the engine’s bounds', () => {
    expect(fitWorldRect({ x: 0, y: 0, w: 1, h: 1 }, { width: 1000, height: 1000 }).zoom).toBe(MAX_ZOOM);
    expect(fitWorldRect({ x: 0, y: 0, w: 1e8, h: 1e8 }, { width: 1000, height: 1000 }).zoom).toBe(MIN_ZOOM);
  });
});

describe('reading what other clients publish', () => {
  it('accepts a sound view and refuses anything else', () => {
    const view = { x: -20, y: 30.5, zoom: 0.5, width: 1280, height: 720 };
    expect(readView(view)).toEqual(view);
    expect(readView({ ...view, extra: 'ignoré' })).toEqual(view);
    const bad = [null, 'vue', { ...view, zoom: 0 }, { ...view, zoom: 100 }, { ...view, width: 0 }, { ...view, x: Number.NaN }, { ...view, y: Infinity }];
    for (const value of [...bad, { ...view, height: '720' }]) expect(readView(value)).toBeNull();
  });

  it('reads summons and followed ids', () => {
    expect(readSummon({ id: 'abc', at: 5 })).toEqual({ id: 'abc', at: 5 });
    expect(readSummon({ id: '', at: 5 })).toBeNull();
    expect(readSummon({ id: 'x'.repeat(65), at: 5 })).toBeNull();
    expect(readSummon({ id: 'abc' })).toBeNull();
    expect(readFollowing(42)).toBe(42);
    expect(readFollowing(null)).toBeNull();
    expect(readFollowing(-1)).toBeNull();
    expect(readFollowing(1.5)).toBeNull();
  });
});

describe('participants and followers', () => {
  const states: AwarenessStates = new Map<number, Record<string, unknown>>([
    [1, { user: user('Moi'), following: null }],
    [2, { user: user('Zoé'), following: 1 }],
    [3, { user: user('Amélie'), following: 1 }],
    [4, { user: user('Bruno'), following: 2 }],
    [5, { following: 1 }],
  ]);

  it('lists the others who have a name, by name', () => {
    expect(otherParticipants(states, 1).map((p) => p.name)).toEqual(['Amélie', 'Bruno', 'Zoé']);
  });

  it('counts who follows a client', () => {
    expect(followerCount(states, 1)).toBe(3);
    expect(followerCount(states, 2)).toBe(1);
    expect(followerCount(states, 4)).toBe(0);
  });
});

describe('honourSummons', () => {
  it('follows a summon once, and never again for the same id', () => {
    const states: AwarenessStates = new Map<number, Record<string, unknown>>([
      [1, { user: user('Moi') }],
      [2, { user: user('Animatrice'), summon: { id: 's1', at: 10 } }],
    ]);
    const first = honourSummons(states, 1, new Set());
    expect(first.follow).toBe(2);
    const again = honourSummons(states, 1, first.handled);
    expect(again.follow).toBeNull();
    expect(again.handled).toEqual(first.handled);
  });

  it('follows the latest of two new summons and retires both', () => {
    const states: AwarenessStates = new Map<number, Record<string, unknown>>([
      [1, { user: user('Moi') }],
      [2, { user: user('Animatrice'), summon: { id: 'tôt', at: 10 } }],
      [3, { user: user('Cheffe de projet'), summon: { id: 'tard', at: 20 } }],
    ]);
    const decision = honourSummons(states, 1, new Set());
    expect(decision.follow).toBe(3);
    expect([...decision.handled].sort()).toEqual(['tard', 'tôt']);
  });

  it('ignores its own summon, nameless clients and malformed summons', () => {
    const states: AwarenessStates = new Map<number, Record<string, unknown>>([
      [1, { user: user('Moi'), summon: { id: 'mien', at: 30 } }],
      [2, { summon: { id: 'anonyme', at: 40 } }],
      [3, { user: user('Autre'), summon: 'viens' }],
    ]);
    expect(honourSummons(states, 1, new Set())).toEqual({ follow: null, handled: new Set() });
  });

  it('honours a new summon from the same presenter', () => {
    const before: AwarenessStates = new Map([[2, { user: user('Animatrice'), summon: { id: 's1', at: 10 } }]]);
    const { handled } = honourSummons(before, 1, new Set());
    const after: AwarenessStates = new Map([[2, { user: user('Animatrice'), summon: { id: 's2', at: 50 } }]]);
    expect(honourSummons(after, 1, handled).follow).toBe(2);
  });
});
