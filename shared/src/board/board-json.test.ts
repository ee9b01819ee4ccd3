import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardImportError, exportBoardJson, importBoardJson } from './board-json.ts';
import { addShapes, readBoard, shapesMap } from './layout.ts';
import type { Shape } from './schema.ts';
import { connector, frame, free, glued, idSequence, sticky } from './testing.ts';

const next = idSequence();
const [FRAME, NOTE, OTHER, ARROW, HALF, EXISTING] = Array.from({ length: 6 }, next) as [string, string, string, string, string, string];

function sourceBoard(): Y.Doc {
  const doc = new Y.Doc();
  addShapes(doc, [
    frame(FRAME, { x: 100, y: 100, w: 1000, h: 800, z: 'V' }),
    sticky(NOTE, { x: 200, y: 200, w: 100, h: 100, z: 'W', parent: FRAME, text: 'Capteurs LoRaWAN' }),
    sticky(OTHER, { x: 500, y: 200, w: 100, h: 100, z: 'X', parent: FRAME }),
    connector(ARROW, glued(NOTE, 1, 0.5), glued(OTHER, 0, 0.5), { x: 300, y: 250, w: 200, h: 0, z: 'Y', parent: FRAME }),
  ], 'local');
  return doc;
}

/** A file as the user would load it: through JSON text. */
function asFile(doc: Y.Doc): unknown {
  return JSON.parse(JSON.stringify(exportBoardJson(doc)));
}

describe('exportBoardJson', () => {
  it('exports the readable shapes in paint order', () => {
    const doc = sourceBoard();
    shapesMap(doc).set('cassé', 'pas une forme');
    const json = exportBoardJson(doc);
    expect(json.format).toBe('eprouvette-board');
    expect(json.version).toBe(1);
    expect(json.shapes.map((shape) => shape.id)).toEqual([FRAME, NOTE, OTHER, ARROW]);
  });
});

describe('importBoardJson', () => {
  it('adds the content with new ids, remapped parents and bindings, at the given point, in one update', () => {
    const target = new Y.Doc();
    addShapes(target, [sticky(EXISTING, { z: 'k' })], 'local');
    let updates = 0;
    target.on('update', () => updates++);
    const newIds = importBoardJson(target, asFile(sourceBoard()), 'local', idSequence(1000), { x: 0, y: 0 });
    expect(updates).toBe(1);
    const shapes = readBoard(target).shapes;
    expect(shapes.map((shape) => shape.id)).toEqual([EXISTING, ...newIds]);
    const [frameId, noteId, otherId] = newIds as [string, string, string, string];
    const [importedFrame, importedNote, , importedArrow] = shapes.slice(1) as [Shape, Shape, Shape, Shape];
    expect(importedFrame).toMatchObject({ type: 'frame', x: 0, y: 0, w: 1000, parent: null });
    expect(importedNote).toMatchObject({ x: 100, y: 100, parent: frameId, text: 'Capteurs LoRaWAN' });
    expect(importedArrow).toMatchObject({
      start: glued(noteId, 1, 0.5),
      end: glued(otherId, 0, 0.5),
      x: 200,
      y: 150,
      parent: frameId,
    });
    expect(shapes.slice(1).every((shape) => shape.z > 'k')).toBe(true);
  });

  it('keeps the coordinates when no point is given', () => {
    const target = new Y.Doc();
    importBoardJson(target, asFile(sourceBoard()), 'local', idSequence(1000));
    expect(readBoard(target).shapes[0]).toMatchObject({ x: 100, y: 100 });
  });

  it('duplicates rather than collides when the same file is imported twice', () => {
    const doc = sourceBoard();
    const file = asFile(doc);
    const ids = idSequence(1000);
    const first = importBoardJson(doc, file, 'local', ids);
    const second = importBoardJson(doc, file, 'local', ids);
    const { shapes, rejected } = readBoard(doc);
    expect(rejected).toEqual([]);
    expect(shapes).toHaveLength(12);
    expect(new Set([...first, ...second]).size).toBe(8);
  });

  it('turns a binding to a shape outside the file into a free end where it was', () => {
    const file = {
      format: 'eprouvette-board',
      version: 1,
      shapes: [
        sticky(NOTE, { x: 0, y: 0, w: 100, h: 100 }),
        connector(HALF, glued(NOTE, 1, 0.5), glued(OTHER, 0, 0.5), { x: 100, y: 50, w: 200, h: 0 }),
      ],
    };
    const target = new Y.Doc();
    const [noteId, arrowId] = importBoardJson(target, file, 'local', idSequence(1000), { x: 1000, y: 1000 }) as [string, string];
    const arrow = readBoard(target).shapes.find((shape) => shape.id === arrowId);
    expect(arrow).toMatchObject({ start: glued(noteId, 1, 0.5), end: free(1300, 1050), x: 1100, y: 1050, w: 200, h: 0 });
  });

  it.each([
    ['not an export', { hello: 'world' }, /^Fichier de tableau invalide : format : ce fichier n'est pas un export de tableau Éprouvette/],
    ['another version', { format: 'eprouvette-board', version: 2, shapes: [] }, /version : version de fichier non prise en charge/],
    [
      'a bad shape',
      { format: 'eprouvette-board', version: 1, shapes: [sticky(NOTE), { ...sticky(OTHER), color: 'fuchsia', w: -5 }] },
      /shapes\[1\]\.w : Trop petit.* ; shapes\[1\]\.color : Option invalide/,
    ],
    ['twice the same id', { format: 'eprouvette-board', version: 1, shapes: [sticky(NOTE), sticky(NOTE)] }, /deux formes ont le même identifiant/],
  ])('refuses %s with a French message and writes nothing', (_label, file, message) => {
    const target = new Y.Doc();
    expect(() => importBoardJson(target, file, 'local', idSequence(1000))).toThrow(BoardImportError);
    expect(() => importBoardJson(target, file, 'local', idSequence(1000))).toThrow(message);
    expect(shapesMap(target).size).toBe(0);
  });
});
