import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardJsonSchema } from '../board/board-json.ts';
import { addShapes, readBoard } from '../board/layout.ts';
import type { Shape } from '../board/schema.ts';
import { connector, free, frame, glued, idSequence, sticky } from '../board/testing.ts';
import { extractTemplate } from './extract.ts';
import { instantiateTemplate } from './instantiate.ts';

const next = idSequence();
const ids = { outer: next(), inner: next(), note: next(), deep: next(), photo: next(), other: next(), otherNote: next(), arrowIn: next(), arrowOut: next(), arrowToPhoto: next(), arrowFree: next() };
const PUBLISHER = 'publieur';

/** Two frames side by side; the first holds a nested frame, notes, an image and arrows. */
const board: Shape[] = [
  frame(ids.outer, { x: 0, y: 0, w: 1000, h: 800, z: 'a', title: 'Fiche expérimentation' }),
  frame(ids.inner, { x: 50, y: 50, w: 400, h: 400, z: 'b', parent: ids.outer, title: 'Capteurs et données' }),
  sticky(ids.note, { x: 600, y: 100, z: 'c', parent: ids.outer, text: 'Débits de nuit' }),
  sticky(ids.deep, { x: 100, y: 100, z: 'd', parent: ids.inner, text: 'LoRaWAN' }),
  { id: ids.photo, type: 'image', x: 600, y: 400, w: 100, h: 100, z: 'e', parent: ids.outer, locked: false, author: 'auteur', asset: 'a'.repeat(64), alt: 'Compteur' },
  frame(ids.other, { x: 2000, y: 0, w: 500, h: 500, z: 'f', title: 'SWOT' }),
  sticky(ids.otherNote, { x: 2100, y: 100, z: 'g', parent: ids.other }),
  connector(ids.arrowIn, glued(ids.note), glued(ids.deep), { z: 'h' }),
  connector(ids.arrowOut, glued(ids.note), glued(ids.otherNote), { z: 'i' }),
  connector(ids.arrowToPhoto, glued(ids.note), glued(ids.photo), { z: 'j' }),
  connector(ids.arrowFree, free(700, 600), free(900, 700), { z: 'k' }),
];

const extracted = (frameIds: string[] | null) => {
  const result = extractTemplate(board, frameIds, PUBLISHER);
  if (!result.ok) throw new Error(`missing frames ${result.missingFrames.join(', ')}`);
  return result.extraction;
};
const idsOf = (shapes: readonly Shape[]) => shapes.map((shape) => shape.id).sort();

describe('extractTemplate', () => {
  it('takes a frame with everything inside it at any depth, and the arrows between what it takes', () => {
    const { content, droppedImages } = extracted([ids.outer]);
    expect(idsOf(content.shapes)).toEqual([ids.outer, ids.inner, ids.note, ids.deep, ids.arrowIn, ids.arrowToPhoto, ids.arrowFree].sort());
    // The image is left out, and said so; the arrow that pointed at it keeps a free end where it was.
    expect(droppedImages).toBe(1);
    const toPhoto = content.shapes.find((shape) => shape.id === ids.arrowToPhoto);
    expect(toPhoto).toMatchObject({ type: 'connector', start: glued(ids.note), end: { kind: 'point' } });
    expect(boardJsonSchema.safeParse(content).success).toBe(true);
  });

  it('takes a frame chosen inside another chosen frame once', () => {
    expect(idsOf(extracted([ids.inner, ids.outer, ids.inner]).content.shapes)).toEqual(idsOf(extracted([ids.outer]).content.shapes));
  });

  it('takes only what is inside the chosen frame, and no arrow leaving it', () => {
    expect(idsOf(extracted([ids.inner]).content.shapes)).toEqual([ids.inner, ids.deep].sort());
    expect(idsOf(extracted([ids.other]).content.shapes)).toEqual([ids.other, ids.otherNote].sort());
  });

  it('takes the whole board, images aside, when no frame is chosen', () => {
    const { content, droppedImages } = extracted(null);
    expect(idsOf(content.shapes)).toEqual(idsOf(board.filter((shape) => shape.type !== 'image')));
    expect(droppedImages).toBe(1);
    expect(extracted([]).content).toEqual(content);
  });

  it('credits every shape to the publisher', () => {
    expect(new Set(extracted(null).content.shapes.map((shape) => shape.author))).toEqual(new Set([PUBLISHER]));
  });

  it('reports chosen ids that are not frames of the board', () => {
    expect(extractTemplate(board, [ids.note, ids.outer, 'zzzzzzzzzzzzzzzz'], PUBLISHER)).toEqual({ ok: false, missingFrames: [ids.note, 'zzzzzzzzzzzzzzzz'] });
  });
});

describe('instantiateTemplate', () => {
  it('inserts the shapes with new ids, frames and arrows still joined, credited to whoever inserts them', () => {
    const { content } = extracted([ids.outer]);
    const doc = new Y.Doc();
    addShapes(doc, [sticky(next(), { z: 'zz' })], 'local');
    const inserted = instantiateTemplate(doc, content, { author: 'moi', newId: next, origin: 'local', at: { x: 5000, y: 5000 } });
    const shapes = readBoard(doc).shapes.filter((shape) => inserted.includes(shape.id));
    expect(shapes).toHaveLength(content.shapes.length);
    expect(inserted.some((id) => content.shapes.some((shape) => shape.id === id))).toBe(false);
    expect(new Set(shapes.map((shape) => shape.author))).toEqual(new Set(['moi']));
    const byTitle = (title: string) => shapes.find((shape) => shape.type === 'frame' && shape.title === title)!;
    expect(byTitle('Capteurs et données').parent).toBe(byTitle('Fiche expérimentation').id);
    const deep = shapes.find((shape) => shape.type === 'sticky' && shape.text === 'LoRaWAN')!;
    expect(deep.parent).toBe(byTitle('Capteurs et données').id);
    const arrow = shapes.find((shape) => shape.type === 'connector' && shape.end.kind === 'shape' && shape.end.shapeId === deep.id);
    expect(arrow).toBeDefined();
    expect(byTitle('Fiche expérimentation')).toMatchObject({ x: 5000, y: 5000 });
    // Above what was on the board already.
    expect(readBoard(doc).shapes.at(0)!.author).toBe('auteur');
  });
});
