import { SHAPE_TYPE_LABELS, SHAPE_TYPES } from '@eprouvette/shared';
import { describe, expect, it } from 'vitest';
import { fr as frDictionary } from '../../i18n/fr.ts';
import { t, type Translate } from '../../i18n/index.ts';
import type { Shape } from '../engine/shape-model.ts';
import { makeShape } from '../engine/testing/shapes.ts';
import { describeShape, shapePhrase, shapeText } from './shape-description.ts';

const fr: Translate = (key, params) => t(key, params, 'fr');
const en: Translate = (key, params) => t(key, params, 'en');
const lookupIn = (shapes: readonly Shape[]) => (id: string) => shapes.find((shape) => shape.id === id);
const names = (userId: string) => (userId === 'nadia' ? 'Nadia Benali' : undefined);

const capteurs = makeShape('sticky', { id: 'capteurs', text: 'Capteurs de fuite' });
const reseau = makeShape('rect', { id: 'reseau', x: 300, text: 'Réseau' });
const cercle = makeShape('ellipse', { id: 'cercle', x: 600 });
const board = [capteurs, reseau, cercle];
const glued = (shapeId: string) => ({ kind: 'shape', shapeId, ax: 0.5, ay: 0.5 }) as const;

describe('describeShape', () => {
  it('names the types with the shared French labels', () => {
    for (const type of SHAPE_TYPES) expect(frDictionary[`a11y.type.${type}`]).toBe(SHAPE_TYPE_LABELS[type]);
  });

  it('reads a sticky note with its colour and text', () => {
    expect(describeShape(capteurs, lookupIn(board), fr)).toBe('Post-it jaune, « Capteurs de fuite »');
    expect(describeShape(makeShape('sticky', { id: 'v', color: 'vert', text: 'x' }), lookupIn(board), en)).toBe('Sticky note green, “x”');
  });

  it('says what is missing when a shape has no words', () => {
    const lookup = lookupIn([]);
    expect(describeShape(makeShape('rect', { id: 'r' }), lookup, fr)).toBe('Rectangle, sans texte');
    expect(describeShape(makeShape('frame', { id: 'f' }), lookup, fr)).toBe('Cadre, sans titre');
    expect(describeShape(makeShape('image', { id: 'i' }), lookup, fr)).toBe('Image, sans description');
    expect(describeShape(makeShape('draw', { id: 'd' }), lookup, fr)).toBe('Tracé à main levée');
  });

  it('reads a frame’s title and an image’s alternative text', () => {
    const lookup = lookupIn([]);
    expect(describeShape(makeShape('frame', { id: 'f', title: 'Idées' }), lookup, fr)).toBe('Cadre, « Idées »');
    expect(describeShape(makeShape('image', { id: 'i', alt: 'Plan du site' }), lookup, fr)).toBe('Image, « Plan du site »');
  });

  it('adds the lock and the author when their name is known', () => {
    const locked = makeShape('sticky', { id: 'l', color: 'rose', text: 'A', locked: true, author: 'nadia' });
    expect(describeShape(locked, lookupIn([]), fr, names)).toBe('Post-it rose, « A », verrouillé, ajouté par Nadia Benali');
    expect(describeShape({ ...locked, author: 'inconnu' }, lookupIn([]), fr, names)).toBe('Post-it rose, « A », verrouillé');
  });

  it('reads text on one line and cuts a very long text', () => {
    const note = makeShape('sticky', { id: 'n', text: '  Première ligne\n\nseconde\tligne ' });
    expect(shapeText(note)).toBe('Première ligne seconde ligne');
    const long = describeShape(makeShape('text', { id: 't', text: 'a'.repeat(600) }), lookupIn([]), fr);
    expect(long).toBe(`Texte, « ${'a'.repeat(500)}… »`);
  });

  it('names an arrow after the shapes it joins, the way it points', () => {
    const lookup = lookupIn(board);
    const arrow = makeShape('connector', { id: 'a', start: glued('capteurs'), end: glued('reseau') });
    expect(describeShape(arrow, lookup, fr)).toBe('Flèche de « Capteurs de fuite » vers « Réseau »');
    expect(describeShape({ ...arrow, arrowStart: true, arrowEnd: false }, lookup, fr)).toBe('Flèche de « Réseau » vers « Capteurs de fuite »');
    expect(describeShape({ ...arrow, text: 'alimente' }, lookup, fr)).toBe('Flèche de « Capteurs de fuite » vers « Réseau », « alimente »');
    expect(describeShape(arrow, lookup, en)).toBe('Arrow from “Capteurs de fuite” to “Réseau”');
  });

  it('names free ends, ends on shapes without text, and ends on shapes gone', () => {
    const lookup = lookupIn(board);
    const free = makeShape('connector', { id: 'a' });
    expect(describeShape(free, lookup, fr)).toBe('Flèche d’un point libre vers un point libre');
    expect(describeShape({ ...free, start: glued('cercle') }, lookup, fr)).toBe('Flèche d’une ellipse sans texte vers un point libre');
    expect(describeShape({ ...free, end: glued('cercle') }, lookup, fr)).toBe('Flèche d’un point libre vers une ellipse sans texte');
    expect(describeShape({ ...free, start: glued('disparu') }, lookup, fr)).toBe('Flèche d’un point libre vers un point libre');
  });
});

describe('shapePhrase', () => {
  it('puts the shape in a sentence, with its article', () => {
    const lookup = lookupIn(board);
    expect(shapePhrase(capteurs, lookup, fr)).toBe('un post-it « Capteurs de fuite »');
    expect(shapePhrase(cercle, lookup, fr)).toBe('une ellipse');
    expect(shapePhrase(makeShape('connector', { id: 'a', start: glued('capteurs'), end: glued('reseau') }), lookup, fr)).toBe(
      'une flèche de « Capteurs de fuite » vers « Réseau »',
    );
  });

  it('mentions a long text by its beginning', () => {
    const phrase = shapePhrase(makeShape('sticky', { id: 'n', text: 'b'.repeat(100) }), lookupIn([]), fr);
    expect(phrase).toBe(`un post-it « ${'b'.repeat(80)}… »`);
  });
});
