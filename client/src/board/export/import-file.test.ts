import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addShapes, exportBoardJson, readBoard } from '@eprouvette/shared';
import { makeShape } from '../engine/testing/shapes.ts';
import { importBoardFile, MAX_IMPORT_BYTES } from './import-file.ts';

function idSequence(): () => string {
  let next = 0;
  return () => String.fromCharCode(97 + next++).repeat(16);
}

function boardFile(): Blob {
  const source = new Y.Doc();
  addShapes(source, [makeShape('sticky', { id: 'stickystickystic', x: 500, y: 500, z: 'V', text: 'Capteurs' })], 'local');
  return new Blob([JSON.stringify(exportBoardJson(source))], { type: 'application/json' });
}

describe('importBoardFile', () => {
  it('adds the file content at the given point, with new ids', async () => {
    const doc = new Y.Doc();
    const outcome = await importBoardFile(doc, boardFile(), 'local', idSequence(), { x: 10, y: 20 });
    expect(outcome).toEqual({ ok: true, ids: ['aaaaaaaaaaaaaaaa'] });
    expect(readBoard(doc).shapes).toMatchObject([{ id: 'aaaaaaaaaaaaaaaa', x: 10, y: 20, text: 'Capteurs' }]);
  });

  it('says when the file is not JSON', async () => {
    const doc = new Y.Doc();
    expect(await importBoardFile(doc, new Blob(['pas du JSON']), 'local', idSequence(), { x: 0, y: 0 })).toEqual({ ok: false, problem: 'not-json' });
  });

  it('passes on the French reason a JSON file is not a board', async () => {
    const doc = new Y.Doc();
    const outcome = await importBoardFile(doc, new Blob(['{"format":"autre"}']), 'local', idSequence(), { x: 0, y: 0 });
    expect(outcome).toMatchObject({ ok: false, problem: 'invalid' });
    expect(outcome.ok === false && outcome.problem === 'invalid' && outcome.message).toMatch(/^Fichier de tableau invalide : .*Éprouvette/);
    expect(readBoard(doc).shapes).toEqual([]);
  });

  it('refuses a file too big before reading it', async () => {
    const huge = { size: MAX_IMPORT_BYTES + 1, text: () => Promise.reject(new Error('should not be read')) } as unknown as Blob;
    expect(await importBoardFile(new Y.Doc(), huge, 'local', idSequence(), { x: 0, y: 0 })).toEqual({ ok: false, problem: 'too-large' });
  });
});
