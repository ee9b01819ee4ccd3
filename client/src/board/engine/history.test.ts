import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { YjsHistory } from './history.ts';

const REMOTE = Symbol('remote');

/** Two peers whose documents exchange every update, as the sync server would relay them. */
function twoPeers() {
  const docA = new Y.Doc();
  const docB = new Y.Doc();
  docA.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== REMOTE) Y.applyUpdate(docB, update, REMOTE);
  });
  docB.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== REMOTE) Y.applyUpdate(docA, update, REMOTE);
  });
  const originA = { peer: 'A' };
  const originB = { peer: 'B' };
  const shapesA = docA.getMap<Y.Map<unknown>>('shapes');
  const shapesB = docB.getMap<Y.Map<unknown>>('shapes');
  return { docA, docB, originA, originB, shapesA, shapesB, history: new YjsHistory(shapesA, originA) };
}

function addNote(doc: Y.Doc, shapes: Y.Map<Y.Map<unknown>>, origin: object, id: string): void {
  doc.transact(() => {
    const note = new Y.Map<unknown>();
    note.set('x', 0);
    note.set('y', 0);
    note.set('color', 'jaune');
    shapes.set(id, note);
  }, origin);
}

function setFields(doc: Y.Doc, shapes: Y.Map<Y.Map<unknown>>, origin: object, id: string, fields: Record<string, unknown>): void {
  doc.transact(() => {
    for (const [key, value] of Object.entries(fields)) shapes.get(id)?.set(key, value);
  }, origin);
}

describe('YjsHistory', () => {
  it("undoes A's move and keeps B's colour change on the same note", () => {
    const { docA, docB, originA, originB, shapesA, shapesB, history } = twoPeers();
    addNote(docB, shapesB, originB, 'n');
    setFields(docA, shapesA, originA, 'n', { x: 100, y: 50 });
    setFields(docB, shapesB, originB, 'n', { color: 'rose' });
    history.undo();
    expect(shapesA.get('n')?.toJSON()).toEqual({ x: 0, y: 0, color: 'rose' });
    expect(shapesB.get('n')?.toJSON()).toEqual({ x: 0, y: 0, color: 'rose' });
  });

  it("never reverts B's changes, even B's later move of the note A moved", () => {
    const { docA, docB, originA, originB, shapesA, shapesB, history } = twoPeers();
    addNote(docB, shapesB, originB, 'a');
    setFields(docA, shapesA, originA, 'a', { x: 100 });
    setFields(docB, shapesB, originB, 'a', { x: 300 });
    addNote(docB, shapesB, originB, 'b');
    history.undo();
    expect(shapesA.get('a')?.get('x')).toBe(300);
    expect(shapesA.has('b')).toBe(true);
    expect(history.canUndo()).toBe(false);
  });

  it('undoes creations of its own', () => {
    const { docA, docB, originA, originB, shapesA, shapesB, history } = twoPeers();
    addNote(docA, shapesA, originA, 'mine');
    addNote(docB, shapesB, originB, 'theirs');
    history.undo();
    expect([...shapesB.keys()]).toEqual(['theirs']);
  });

  it('merges changes within the capture timeout into one step, unless capturing stopped', () => {
    const { docA, originA, shapesA, history } = twoPeers();
    addNote(docA, shapesA, originA, 'n');
    history.stopCapturing();
    setFields(docA, shapesA, originA, 'n', { color: 'r' });
    setFields(docA, shapesA, originA, 'n', { color: 'ro' });
    history.stopCapturing();
    setFields(docA, shapesA, originA, 'n', { x: 5 });
    history.undo();
    expect(shapesA.get('n')?.toJSON()).toEqual({ x: 0, y: 0, color: 'ro' });
    history.undo();
    expect(shapesA.get('n')?.get('color')).toBe('jaune');
  });

  it('redoes, reports availability and notifies its subscribers', () => {
    const { docA, originA, shapesA, history } = twoPeers();
    let notified = 0;
    const unsubscribe = history.subscribe(() => notified++);
    expect(history.canUndo()).toBe(false);
    addNote(docA, shapesA, originA, 'n');
    expect(history.canUndo()).toBe(true);
    history.undo();
    expect(history.canRedo()).toBe(true);
    history.redo();
    expect(shapesA.has('n')).toBe(true);
    expect(notified).toBeGreaterThanOrEqual(3);
    unsubscribe();
    const before = notified;
    history.undo();
    expect(notified).toBe(before);
    history.destroy();
  });
});
