import { describe, expect, it } from 'vitest';
import { parseRoute } from '../app/routes.ts';
import { blockToShow, elementToFocus, hitPath } from './search-links.ts';

const AMI = 'mzxw6ytbojtg633c';
const BOARD = 'aaaqeayeaudaocaj';
const SHAPE = 'aaaaaaaaaaaaaaab';

describe('hitPath', () => {
  it('opens an AMI, a board on its item, the text at its block', () => {
    expect(hitPath(AMI, { page: 'ami' })).toBe(`/amis/${AMI}`);
    expect(hitPath(AMI, { page: 'board', boardId: BOARD, element: null })).toBe(`/amis/${AMI}/tableaux/${BOARD}`);
    expect(hitPath(AMI, { page: 'board', boardId: BOARD, element: SHAPE })).toBe(`/amis/${AMI}/tableaux/${BOARD}?element=${SHAPE}`);
    expect(hitPath(AMI, { page: 'text', block: null })).toBe(`/amis/${AMI}/texte`);
    expect(hitPath(AMI, { page: 'text', block: 12 })).toBe(`/amis/${AMI}/texte#bloc-12`);
  });

  it('builds paths the pages read back', () => {
    const board = new URL(hitPath(AMI, { page: 'board', boardId: BOARD, element: SHAPE }), 'http://localhost');
    expect(parseRoute(board.pathname, board.search)).toEqual({ kind: 'board', amiId: AMI, boardId: BOARD });
    expect(elementToFocus(board.search)).toBe(SHAPE);
    const text = new URL(hitPath(AMI, { page: 'text', block: 3 }), 'http://localhost');
    expect(parseRoute(text.pathname, text.search)).toEqual({ kind: 'ami-text', amiId: AMI });
    expect(blockToShow(text.hash)).toBe(3);
  });

  it('ignores what is not a shape id or a block', () => {
    expect(elementToFocus('')).toBeNull();
    expect(elementToFocus('?element=<script>')).toBeNull();
    expect(elementToFocus('?element=AAAAAAAAAAAAAAAB')).toBeNull();
    expect(blockToShow('')).toBeNull();
    expect(blockToShow('#bloc-')).toBeNull();
    expect(blockToShow('#bloc--1')).toBeNull();
    expect(blockToShow('#section-2')).toBeNull();
  });
});
