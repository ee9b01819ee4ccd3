import { describe, expect, it } from 'vitest';
import { isValidDocumentName } from '../documents.ts';
import type { DocumentRef } from './documents.ts';
import { documentName, parseDocumentName } from './documents.ts';

const AMI = 'mzxw6ytbojtg633c';
const BOARD = 'aaaqeayeaudaocaj';

describe('documentName / parseDocumentName', () => {
  const pairs: [DocumentRef, string][] = [
    [{ kind: 'ami-text', amiId: AMI }, `ami-${AMI}.text`],
    [{ kind: 'board', amiId: AMI, boardId: BOARD }, `ami-${AMI}.board-${BOARD}`],
    [{ kind: 'board', amiId: '7777777777777777', boardId: 'aaaaaaaaaaaaaaaa' }, 'ami-7777777777777777.board-aaaaaaaaaaaaaaaa'],
    [{ kind: 'ami-text', amiId: AMI, comments: true }, `ami-${AMI}.text.comments`],
    [{ kind: 'board', amiId: AMI, boardId: BOARD, comments: true }, `ami-${AMI}.board-${BOARD}.comments`],
  ];

  it.each(pairs)('%j ⇄ %s', (ref, name) => {
    expect(documentName(ref)).toBe(name);
    expect(parseDocumentName(name)).toEqual(ref);
    expect(documentName(parseDocumentName(name) as DocumentRef)).toBe(name);
  });

  it.each(pairs)('%j gives a name the sync endpoint accepts', (ref) => {
    expect(isValidDocumentName(documentName(ref))).toBe(true);
  });

  it.each([
    [''],
    ['ami-'],
    [`ami-${AMI}.text.comment`],
    [`ami-${AMI}.text.comments.comments`],
    [`ami-${AMI}.board-${BOARD}.Comments`],
    [`ami-${AMI}`],
    [`ami-${AMI}.`],
    [`ami-${AMI}.board-`],
    [`ami-${AMI}.board`],
    [`ami-${AMI}.texte`],
    [`ami-${AMI}.TEXT`],
    [`AMI-${AMI}.text`],
    [`ami-${AMI.toUpperCase()}.text`],
    [`ami-${AMI}.text.`],
    [`ami-${AMI}.text\n`],
    [` ami-${AMI}.text`],
    [`ami-${AMI}.text.board-${BOARD}`],
    [`ami-${AMI}.board-${BOARD}.text`],
    [`ami-${AMI}.board-${BOARD}-`],
    [`ami-${AMI}.board-${BOARD}${BOARD}`],
    [`ami-${AMI}.board-${BOARD.slice(1)}`],
    [`ami-${AMI}a.text`],
    [`ami-${AMI.slice(1)}.text`],
    [`ami-${AMI}:text`],
    [`ami-${AMI}_text`],
    ['ami-42.text'],
    ['ami-42.board-7'],
    [`ami-${AMI.slice(0, 15)}1.text`],
    [`board-${BOARD}`],
    [`${AMI}.text`],
    ['ami-mzxw6ytbojtg633c/../x.text'],
    ['legacy-document'],
  ])('%j is not a document name', (name) => {
    expect(parseDocumentName(name)).toBeNull();
  });

  it('refuses non-strings without throwing', () => {
    expect(parseDocumentName(42 as unknown as string)).toBeNull();
    expect(parseDocumentName(undefined as unknown as string)).toBeNull();
  });

  it('throws on refs with invalid ids or kinds', () => {
    expect(() => documentName({ kind: 'ami-text', amiId: '42' })).toThrow(TypeError);
    expect(() => documentName({ kind: 'board', amiId: AMI, boardId: 'x' })).toThrow(TypeError);
    expect(() => documentName({ kind: 'board', amiId: AMI.toUpperCase(), boardId: BOARD })).toThrow(TypeError);
    expect(() => documentName({ kind: 'other', amiId: AMI } as unknown as DocumentRef)).toThrow(TypeError);
  });
});
