import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { shapesMap } from '@eprouvette/shared';
import { idSequence, rect, sticky, twoPeers } from '../../../../shared/src/board/testing.ts';
import { createYjsBoard } from './yjs-board.ts';

const withoutZ = <T extends { z: string }>({ z: _z, ...rest }: T) => rest;

describe('createYjsBoard', () => {
  it('keeps its cache in step with local and remote changes', () => {
    const { a, b, sync } = twoPeers();
    const boardA = createYjsBoard(a, {});
    const boardB = createYjsBoard(b, {});
    const seen: string[][] = [];
    boardB.source.subscribe((changed) => seen.push([...changed]));
    const id = idSequence()();
    boardA.commands.add([withoutZ(sticky(id, { text: 'Capteurs de fuite' }))]);
    sync();
    expect(boardB.source.get(id)).toMatchObject({ type: 'sticky', text: 'Capteurs de fuite' });
    expect(seen).toEqual([[id]]);
    boardB.commands.move([id], 10, 20);
    sync();
    expect(boardA.source.get(id)).toMatchObject({ x: sticky(id).x + 10, y: sticky(id).y + 20 });
  });

  it('adds new shapes on top, in order', () => {
    const board = createYjsBoard(new Y.Doc(), {});
    const next = idSequence();
    const [first, second, third] = [next(), next(), next()];
    board.commands.add([withoutZ(rect(first!))]);
    board.commands.add([withoutZ(rect(second!)), withoutZ(rect(third!))]);
    const order = [...board.source.all()].sort((x, y) => (x.z < y.z ? -1 : 1)).map((shape) => shape.id);
    expect(order).toEqual([first, second, third]);
  });

  it('reorders: to the front, to the back, one step forward', () => {
    const board = createYjsBoard(new Y.Doc(), {});
    const next = idSequence();
    const ids = [next(), next(), next(), next()];
    board.commands.add(ids.map((id) => withoutZ(rect(id))));
    const order = () => [...board.source.all()].sort((x, y) => (x.z < y.z ? -1 : x.z > y.z ? 1 : 0)).map((shape) => shape.id);
    board.commands.reorder([ids[0]!], 'front');
    expect(order()).toEqual([ids[1], ids[2], ids[3], ids[0]]);
    board.commands.reorder([ids[0]!], 'back');
    expect(order()).toEqual([ids[0], ids[1], ids[2], ids[3]]);
    board.commands.reorder([ids[1]!], 'forward');
    expect(order()).toEqual([ids[0], ids[2], ids[1], ids[3]]);
    board.commands.reorder([ids[1]!], 'backward');
    expect(order()).toEqual([ids[0], ids[1], ids[2], ids[3]]);
  });

  it('sees, later in the same transaction, the shapes it added (a new frame lifting what it adopts)', () => {
    const board = createYjsBoard(new Y.Doc(), {});
    const next = idSequence();
    const [inside, frame] = [next(), next()];
    board.commands.add([withoutZ(rect(inside!))]);
    board.commands.transact(() => {
      board.commands.add([withoutZ(rect(frame!))]);
      board.commands.reorder([inside!], 'front');
    });
    const order = [...board.source.all()].sort((x, y) => (x.z < y.z ? -1 : 1)).map((shape) => shape.id);
    expect(order).toEqual([frame, inside]);
  });

  it('undoes only its own changes', () => {
    const { a, b, sync } = twoPeers();
    const boardA = createYjsBoard(a, {});
    const boardB = createYjsBoard(b, {});
    const id = idSequence()();
    boardA.commands.add([withoutZ(sticky(id))]);
    sync();
    boardA.history.stopCapturing();
    boardA.commands.move([id], 100, 0);
    sync();
    boardB.commands.update([{ id, changes: { color: 'rose' } }]);
    sync();
    boardA.history.undo();
    sync();
    expect(boardB.source.get(id)).toMatchObject({ x: sticky(id).x, color: 'rose' });
  });

  it('reports a malformed remote shape instead of drawing it, and keeps the others', () => {
    const { a, b, sync } = twoPeers();
    const reports: string[] = [];
    const boardB = createYjsBoard(b, {}, (rejected) => reports.push(...rejected.map((entry) => entry.id)));
    const next = idSequence();
    const [good, bad] = [next(), next()];
    createYjsBoard(a, {}).commands.add([withoutZ(sticky(good!))]);
    a.transact(() => {
      const broken = new Y.Map<unknown>();
      broken.set('type', 'sticky');
      broken.set('box', { x: 'nowhere' });
      shapesMap(a).set(bad!, broken);
    });
    sync();
    expect(boardB.source.get(good!)).toBeDefined();
    expect(boardB.source.get(bad!)).toBeUndefined();
    expect(boardB.rejected().map((entry) => entry.id)).toEqual([bad]);
    expect(reports).toContain(bad);
  });
});
