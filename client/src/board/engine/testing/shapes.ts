import type { ShapeOf, ShapeType } from '../shape-model.ts';

/** Complete shapes for tests: every field filled with a plain default, so a test names only what it is about. */

const base = { x: 0, y: 0, w: 100, h: 100, z: 'a0', parent: null, locked: false, author: 'u' };

const DEFAULTS: { readonly [T in ShapeType]: Omit<ShapeOf<T>, 'id'> } = {
  sticky: { ...base, type: 'sticky', color: 'jaune', text: '' },
  text: { ...base, type: 'text', color: 'noir', text: '', fontSize: 24 },
  rect: { ...base, type: 'rect', fill: 'aucun', stroke: 'noir', text: '' },
  ellipse: { ...base, type: 'ellipse', fill: 'aucun', stroke: 'noir', text: '' },
  diamond: { ...base, type: 'diamond', fill: 'aucun', stroke: 'noir', text: '' },
  connector: {
    ...base,
    type: 'connector',
    start: { kind: 'point', x: 0, y: 0 },
    end: { kind: 'point', x: 100, y: 100 },
    stroke: 'noir',
    arrowStart: false,
    arrowEnd: true,
    text: '',
  },
  draw: { ...base, type: 'draw', points: [[0, 0, 0.5]], stroke: 'noir', thickness: 4 },
  frame: { ...base, type: 'frame', title: '' },
  image: { ...base, type: 'image', asset: '0'.repeat(64), alt: '' },
};

export function makeShape<T extends ShapeType>(type: T, fields: Partial<ShapeOf<T>> & { id: string }): ShapeOf<T> {
  const defaults: Omit<ShapeOf<T>, 'id'> = DEFAULTS[type];
  return { ...defaults, ...fields } as ShapeOf<T>;
}
