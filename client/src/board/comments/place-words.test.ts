import { describe, expect, it } from 'vitest';
import { boardAnchorAt } from '@eprouvette/shared';
import { t, type Translate } from '../../i18n/index.ts';
import { makeShape } from '../engine/testing/shapes.ts';
import { itemDeleted, placeWords } from './place-words.ts';

const fr: Translate = (key, params) => t(key, params, 'fr');
const en: Translate = (key, params) => t(key, params, 'en');
const note = makeShape('sticky', { id: 'capteurs', x: 0, y: 0, w: 200, h: 200, text: 'Capteurs de fuite' });
const lookup = (id: string) => (id === note.id ? note : undefined);

describe('what a board comment is on', () => {
  const onNote = boardAnchorAt({ x: 20, y: 20 }, note);
  const onCanvas = boardAnchorAt({ x: 900, y: 20 }, null);
  const onDeleted = { ...onNote, shapeId: 'disparu' };

  it('names the item, the canvas, or a deleted item, as a heading and inside a sentence', () => {
    expect(placeWords(onNote, lookup, fr, 'heading')).toBe('Sur un post-it « Capteurs de fuite »');
    expect(placeWords(onNote, lookup, fr, 'inline')).toBe('sur un post-it « Capteurs de fuite »');
    expect(placeWords(onCanvas, lookup, fr, 'heading')).toBe('Sur le tableau');
    expect(placeWords(onDeleted, lookup, fr, 'inline')).toBe('sur un élément supprimé');
    expect(placeWords(onNote, lookup, en, 'heading')).toBe('On a sticky note “Capteurs de fuite”');
  });

  it('tells a deleted item from the canvas and from an item still there', () => {
    expect([itemDeleted(onNote, lookup), itemDeleted(onCanvas, lookup), itemDeleted(onDeleted, lookup)]).toEqual([false, false, true]);
  });
});
