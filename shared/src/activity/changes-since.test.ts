import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addShapes, deleteShapes, moveShapes, shapeText, updateShapes } from '../board/layout.ts';
import { frame, idSequence, sticky, twoPeers } from '../board/testing.ts';
import { changesSince, readVisitSnapshot, visitSnapshot } from './changes-since.ts';

const next = idSequence();
const [A, B, C, D, F] = [next(), next(), next(), next(), next()];

/** A board written on peer `a` and seen by the visitor on peer `b`, who leaves a snapshot. */
function visited() {
  const { a, b, sync } = twoPeers();
  addShapes(a, [frame(F, { w: 800, h: 600 }), sticky(A, { text: 'Capteurs acoustiques', parent: F }), sticky(B, { text: 'LoRaWAN', x: 200 }), sticky(C, { x: 400 })], 'a');
  sync();
  const left = readVisitSnapshot(visitSnapshot(b));
  if (left === null) throw new Error('the snapshot must read back');
  return { a, b, sync, left };
}

describe('changesSince', () => {
  it('finds nothing when nobody wrote since the visit', () => {
    const { b, left } = visited();
    expect(changesSince(b, left)).toEqual({ added: [], changed: [], deleted: [] });
  });

  it('tells added, changed (property or text) and deleted shapes apart, once synced to the visitor', () => {
    const { a, b, sync, left } = visited();
    addShapes(a, [sticky(D, { text: 'Alerte après 48 h' })], 'a');
    updateShapes(a, [{ id: B, changes: { color: 'rose' } }], 'a');
    shapeText(a, A)!.insert(0, 'Nouveaux ');
    deleteShapes(a, [C], 'a');
    sync();
    expect(changesSince(b, left)).toEqual({ added: [D], changed: [A, B].sort(), deleted: [C] });
  });

  it('sees a deletion of text alone as a change', () => {
    const { a, b, sync, left } = visited();
    shapeText(a, B)!.delete(0, 4);
    sync();
    expect(changesSince(b, left).changed).toEqual([B]);
  });

  it('counts a move of a frame as a change of what it carries', () => {
    const { a, b, sync, left } = visited();
    moveShapes(a, [F], 50, 0, 'a');
    sync();
    expect(changesSince(b, left).changed).toEqual([A, F].sort());
  });

  it('ignores a shape added and deleted between two visits', () => {
    const { a, b, sync, left } = visited();
    addShapes(a, [sticky(D)], 'a');
    deleteShapes(a, [D], 'a');
    sync();
    expect(changesSince(b, left)).toEqual({ added: [], changed: [], deleted: [] });
  });

  it('counts a shape deleted before the visit and written again since as added', () => {
    const { a, b, sync } = visited();
    deleteShapes(a, [C], 'a');
    sync();
    const left = readVisitSnapshot(visitSnapshot(b))!;
    addShapes(a, [sticky(C, { x: 400 })], 'a');
    sync();
    expect(changesSince(b, left)).toEqual({ added: [C], changed: [], deleted: [] });
  });

  it('works on a document rebuilt from the stored update, as a returning browser has it', () => {
    const { a, left } = visited();
    updateShapes(a, [{ id: A, changes: { x: 30 } }], 'a');
    const reopened = new Y.Doc();
    Y.applyUpdate(reopened, Y.encodeStateAsUpdate(a));
    expect(changesSince(reopened, left).changed).toEqual([A]);
  });

  it('refuses bytes that are not a snapshot', () => {
    expect(readVisitSnapshot(new Uint8Array([255, 255, 255, 255, 255, 255, 255, 255, 255, 255]))).toBeNull();
  });
});
