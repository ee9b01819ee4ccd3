import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocumentRef } from '@eprouvette/shared';
import { addShapes, addThread, documentName, TEXT_FRAGMENT } from '@eprouvette/shared';
import { frame, idSequence, sticky } from '../../../shared/src/board/testing.ts';
import { amiTextInitialUpdate } from '../documents/ami-text-template.ts';
import type { AmiRecord } from '../records/amis.ts';
import type { BoardRecord } from '../records/boards.ts';
import { amiRecordEntry, boardRecordEntry, documentEntries } from './search-entries.ts';

const AMI = 'aaaaaaaaaaaaaaaa';
const BOARD = 'bbbbbbbbbbbbbbbb';
const boardRef: DocumentRef = { kind: 'board', amiId: AMI, boardId: BOARD };
const textRef: DocumentRef = { kind: 'ami-text', amiId: AMI };
const person = { id: 'cccccccccccccccc', name: 'Sophie Delattre' };
const at = '2026-09-15T09:00:00.000Z';

function message(id: string, text: string) {
  return { id, author: person, text, mentions: [], at };
}

describe('record entries', () => {
  it('makes an AMI searchable by its title, summary, domain and tags', () => {
    const ami = {
      id: AMI,
      title: 'Gestion de l’eau 2026',
      summary: 'Capteurs de fuites.',
      domain: { slug: 'gestion-eau', name: 'Gestion de l’eau' },
      tags: ['capteurs-iot'],
    } as AmiRecord;
    expect(amiRecordEntry(ami)).toEqual({
      kind: 'ami',
      amiId: AMI,
      boardId: null,
      document: null,
      itemRef: null,
      focus: null,
      label: '',
      title: 'Gestion de l’eau 2026',
      body: 'Capteurs de fuites.\nGestion de l’eau\nCapteurs/IoT',
    });
  });

  it('makes a board searchable by its title and its organisation', () => {
    const board = { id: BOARD, amiId: AMI, title: 'Télérelève', organisation: { id: 'o', name: 'Commune de Fontaine', type: 'commune' } } as BoardRecord;
    expect(boardRecordEntry(board)).toMatchObject({ kind: 'board', amiId: AMI, boardId: BOARD, title: 'Télérelève', body: 'Commune de Fontaine' });
  });
});

describe('document entries', () => {
  it('gives one entry per shape with words on it, in its frame, pointing at the shape', () => {
    const next = idSequence();
    const [frameId, noteId, emptyId, outsideId] = [next(), next(), next(), next()];
    const doc = new Y.Doc();
    addShapes(
      doc,
      [
        frame(frameId, { title: 'Capteurs et données', w: 800, h: 600 }),
        sticky(noteId, { text: 'Capteurs acoustiques sur les conduites', parent: frameId }),
        sticky(emptyId, { text: '   ', parent: frameId }),
        sticky(outsideId, { text: 'Budget', x: 2000, z: 'W' }),
      ],
      null,
    );
    const name = documentName(boardRef);
    const entries = documentEntries(boardRef, name, Y.encodeStateAsUpdate(doc));
    expect(entries.map((entry) => [entry.itemRef, entry.label, entry.body])).toEqual(
      expect.arrayContaining([
        [frameId, '', 'Capteurs et données'],
        [noteId, 'Capteurs et données', 'Capteurs acoustiques sur les conduites'],
        [outsideId, '', 'Budget'],
      ]),
    );
    expect(entries).toHaveLength(3);
    expect(entries.find((entry) => entry.itemRef === noteId)).toMatchObject({ kind: 'board-item', amiId: AMI, boardId: BOARD, document: name, focus: noteId, title: '' });
  });

  it('gives one entry per top-level block of a text that says something, under its section heading', () => {
    const entries = documentEntries(textRef, documentName(textRef), amiTextInitialUpdate({ title: 'Gestion de l’eau', domainName: 'Gestion de l’eau' }));
    // The template: the title, the domain, then each section's heading and prompt.
    expect(entries[0]).toMatchObject({ kind: 'text', itemRef: '0', focus: '0', label: 'Gestion de l’eau', body: 'Gestion de l’eau' });
    const criteria = entries.find((entry) => entry.body.startsWith('Énumérez les conditions'));
    expect(criteria).toMatchObject({ label: 'Critères de recevabilité' });
    expect(entries.find((entry) => entry.body === 'Critères de recevabilité')?.focus).toBe(String(Number(criteria!.focus) - 1));
  });

  it('reads a list as one block, its items one per line', () => {
    const doc = new Y.Doc();
    const list = new Y.XmlElement('bulletList');
    const items = ['Télérelève', 'Débits de nuit'].map((text) => {
      const item = new Y.XmlElement('listItem');
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(text)]);
      item.insert(0, [paragraph]);
      return item;
    });
    list.insert(0, items);
    const empty = new Y.XmlElement('paragraph');
    doc.getXmlFragment(TEXT_FRAGMENT).insert(0, [empty, list]);
    expect(documentEntries(textRef, 'x', Y.encodeStateAsUpdate(doc)).map((entry) => [entry.focus, entry.body])).toEqual([['1', 'Télérelève\nDébits de nuit']]);
  });

  it('gives one entry per comment thread, its messages as the body, pointing at its shape or its passage', () => {
    const text = new Y.Doc();
    Y.applyUpdate(text, amiTextInitialUpdate({ title: 'Gestion de l’eau', domainName: 'Gestion de l’eau' }));
    const prompt = (text.getXmlFragment(TEXT_FRAGMENT).get(3) as Y.XmlElement).get(0) as Y.XmlText;
    const start = Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(prompt, 5))).toString('base64');
    const comments = new Y.Doc();
    const anchor = { kind: 'text' as const, start, end: start, quote: 'ceci' };
    addThread(comments, { id: 'dddddddddddddddd', anchor, message: message('eeeeeeeeeeeeeeee', 'Préciser le rendement') });
    const textComments = documentEntries({ ...textRef, comments: true }, 'c', Y.encodeStateAsUpdate(comments), Y.encodeStateAsUpdate(text));
    expect(textComments).toEqual([
      { kind: 'comment', amiId: AMI, boardId: null, document: 'c', itemRef: 'dddddddddddddddd', focus: '3', label: 'Sophie Delattre', title: '', body: 'Préciser le rendement' },
    ]);

    const boardComments = new Y.Doc();
    const shapeId = idSequence()();
    addThread(boardComments, { id: 'dddddddddddddddd', anchor: { kind: 'board', shapeId, point: { x: 1, y: 2 }, placed: { x: 11, y: 12 } }, message: message('eeeeeeeeeeeeeeee', 'Quel débit ?') });
    addThread(boardComments, { id: 'ffffffffffffffff', anchor: { kind: 'board', shapeId: null, point: { x: 1, y: 2 } }, message: message('gggggggggggggggg', 'Et ici ?') });
    const onBoard = documentEntries({ ...boardRef, comments: true }, 'b', Y.encodeStateAsUpdate(boardComments));
    expect(onBoard.map((entry) => [entry.boardId, entry.focus, entry.body])).toEqual([
      [BOARD, shapeId, 'Quel débit ?'],
      [BOARD, null, 'Et ici ?'],
    ]);
  });
});
