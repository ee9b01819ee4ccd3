import { describe, expect, it } from 'vitest';
import type { Preview } from '../engine/preview.ts';
import type { RemotePeer } from './peer.ts';
import { PeerPreviews } from './peer-previews.ts';

const peer = (clientId: number, preview: Preview | null): RemotePeer => ({ clientId, name: 'P', color: '#1d5fa8', cursor: null, selection: [], preview });

describe('PeerPreviews', () => {
  it('shows a peer’s drag until the document moves the shapes', () => {
    const revisions = new Map([
      ['a', 1],
      ['b', 1],
    ]);
    const revision = (id: string) => revisions.get(id);
    const previews = new PeerPreviews();
    expect(previews.current([peer(7, { kind: 'move', ids: ['a', 'b'], dx: 5, dy: 0 })], revision)).toEqual([{ kind: 'move', ids: ['a', 'b'], dx: 5, dy: 0 }]);
    expect(previews.current([peer(7, { kind: 'move', ids: ['a', 'b'], dx: 9, dy: 0 })], revision)).toEqual([{ kind: 'move', ids: ['a', 'b'], dx: 9, dy: 0 }]);
    // The drop of `a` landed before the end of the preview.
    revisions.set('a', 2);
    expect(previews.current([peer(7, { kind: 'move', ids: ['a', 'b'], dx: 9, dy: 0 })], revision)).toEqual([{ kind: 'move', ids: ['b'], dx: 9, dy: 0 }]);
    revisions.set('b', 2);
    expect(previews.current([peer(7, { kind: 'move', ids: ['a', 'b'], dx: 9, dy: 0 })], revision)).toEqual([]);
  });

  it('starts afresh with the next gesture, even on the same shapes', () => {
    const revisions = new Map([['a', 1]]);
    const revision = (id: string) => revisions.get(id);
    const previews = new PeerPreviews();
    previews.current([peer(7, { kind: 'move', ids: ['a'], dx: 5, dy: 0 })], revision);
    revisions.set('a', 2);
    previews.current([peer(7, null)], revision);
    expect(previews.current([peer(7, { kind: 'move', ids: ['a'], dx: 1, dy: 1 })], revision)).toEqual([{ kind: 'move', ids: ['a'], dx: 1, dy: 1 }]);
  });

  it('passes marquees and shapes being drawn through', () => {
    const previews = new PeerPreviews();
    const marquee: Preview = { kind: 'marquee', rect: { x: 0, y: 0, w: 5, h: 5 } };
    expect(previews.current([peer(1, marquee), peer(2, null)], () => 1)).toEqual([marquee]);
  });

  it('filters resizes the same way', () => {
    const revisions = new Map([
      ['a', 1],
      ['b', 1],
    ]);
    const previews = new PeerPreviews();
    const resize: Preview = { kind: 'resize', patches: [{ id: 'a', changes: { w: 10 } }, { id: 'b', changes: { w: 20 } }] };
    previews.current([peer(3, resize)], (id) => revisions.get(id));
    revisions.set('b', 5);
    expect(previews.current([peer(3, resize)], (id) => revisions.get(id))).toEqual([{ kind: 'resize', patches: [{ id: 'a', changes: { w: 10 } }] }]);
  });
});
