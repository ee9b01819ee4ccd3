import { describe, expect, it } from 'vitest';
import { SHAPE_TYPES, type Shape } from '../engine/shape-model.ts';
import { makeShape } from '../engine/testing/shapes.ts';
import { boardToSvg, exportScope, type SvgOptions } from './svg.ts';

const options: SvgOptions = { padding: 10, title: 'Atelier', imageHref: (hash) => `data:image/png;base64,${hash.slice(0, 4)}` };

const TAG = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<&]*(?:&(?:amp|lt|gt|quot|apos);[^"<&]*)*")*)\s*(\/?)>/y;
const TEXT = /^(?:[^<>&]|&(?:amp|lt|gt|quot|apos);)*$/;

/**
 * Checks the markup is well-formed XML of the kind the exporter writes (no DOM parser in node):
 * tags balance, attribute values are quoted and escaped, text holds no raw markup characters.
 */
function elementsOf(svg: string): string[] {
  const body = svg.replace(/^<\?xml [^>]*\?>\n/, '');
  const open: string[] = [];
  const seen: string[] = [];
  let at = 0;
  while (at < body.length) {
    const next = body.indexOf('<', at);
    const text = body.slice(at, next === -1 ? body.length : next);
    if (!TEXT.test(text)) throw new Error(`raw markup in text: ${text}`);
    if (next === -1) break;
    TAG.lastIndex = next;
    const tag = TAG.exec(body);
    if (!tag) throw new Error(`malformed tag at ${body.slice(next, next + 60)}`);
    const [whole, closing, name, , selfClosing] = tag as unknown as [string, string, string, string, string];
    if (closing) {
      if (open.pop() !== name) throw new Error(`unbalanced </${name}>`);
    } else {
      seen.push(name);
      if (!selfClosing) open.push(name);
    }
    at = next + whole.length;
  }
  if (open.length > 0) throw new Error(`unclosed ${open.join(', ')}`);
  return seen;
}

function viewBox(svg: string): number[] {
  const match = /viewBox="([^"]+)"/.exec(svg);
  return (match?.[1] ?? '').split(' ').map(Number);
}

const everyType: Shape[] = [
  makeShape('frame', { id: 'frame', x: 0, y: 0, w: 800, h: 600, z: 'a0', title: 'Idées' }),
  makeShape('sticky', { id: 'sticky', x: 20, y: 50, w: 200, h: 200, z: 'a1', text: 'Un post-it', parent: 'frame' }),
  makeShape('text', { id: 'text', x: 300, y: 50, w: 200, h: 30, z: 'a2', text: 'Titre', color: 'bleu' }),
  makeShape('rect', { id: 'rect', x: 20, y: 300, w: 100, h: 60, z: 'a3', text: 'R', fill: 'vert' }),
  makeShape('ellipse', { id: 'ellipse', x: 150, y: 300, w: 100, h: 60, z: 'a4', text: 'E' }),
  makeShape('diamond', { id: 'diamond', x: 280, y: 300, w: 100, h: 60, z: 'a5', text: 'D' }),
  makeShape('connector', {
    id: 'connector',
    z: 'a6',
    start: { kind: 'shape', shapeId: 'rect', ax: 1, ay: 0.5 },
    end: { kind: 'point', x: 600, y: 330 },
    stroke: 'rouge',
    text: 'mène à',
  }),
  makeShape('draw', { id: 'draw', x: 500, y: 400, w: 50, h: 50, z: 'a7', points: [[0, 0, 0.5], [25, 30, 0.5], [50, 50, 0.5]] }),
  makeShape('image', { id: 'image', x: 600, y: 50, w: 120, h: 80, z: 'a8', asset: 'ab'.repeat(32), alt: 'Logo de la Région' }),
];

describe('boardToSvg', () => {
  it('writes a standalone, well-formed SVG titled after the board', () => {
    const { svg } = boardToSvg(everyType, options);
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    const elements = elementsOf(svg);
    expect(elements[0]).toBe('svg');
    expect(elements[1]).toBe('title');
    expect(svg).toContain('<title>Atelier</title>');
  });

  it('draws every type of shape, bottom to top', () => {
    const { svg } = boardToSvg([...everyType].reverse(), options);
    const drawn = [...svg.matchAll(/data-type="(\w+)"/g)].map((match) => match[1]);
    expect(drawn).toEqual(['frame', 'sticky', 'text', 'rect', 'ellipse', 'diamond', 'connector', 'draw', 'image']);
    expect(new Set(drawn)).toEqual(new Set(SHAPE_TYPES));
  });

  it('draws each shape faithfully: text, frame title, arrowheads, freehand outline, images', () => {
    const { svg } = boardToSvg(everyType, options);
    expect(svg).toContain('>Un post-it</tspan>');
    expect(svg).toContain('>Idées</tspan>');
    expect(svg).toContain('>mène à</tspan>');
    expect(svg).toMatch(/<marker id="fleche-rouge"[^>]*orient="auto-start-reverse"/);
    expect(svg).toContain('marker-end="url(#fleche-rouge)"');
    expect(svg).not.toContain('marker-start=');
    expect(svg).toMatch(/<g data-type="draw"><path d="M[\d.,]+Q[^"]+Z" fill="#1c2426"\/>/);
    expect(svg).toContain(`<image x="600" y="50" width="120" height="80" href="data:image/png;base64,abab"`);
    expect(svg).toContain('<title>Logo de la Région</title>');
    expect(elementsOf(svg).filter((name) => name === 'ellipse')).toHaveLength(1);
    expect(elementsOf(svg).filter((name) => name === 'polygon')).toHaveLength(1);
  });

  it('puts a placeholder where an image could not be fetched', () => {
    const { svg } = boardToSvg(everyType, { ...options, imageHref: () => null });
    expect(svg).not.toContain('<image');
    expect(svg).toMatch(/<g data-type="image"><rect [^>]*stroke-dasharray="6 4"><title>Logo de la Région<\/title><\/rect>/);
  });

  it('escapes shape text, titles and alt text so none becomes markup', () => {
    const attack = '</text><script>alert("x")</script>&amp; \'quote\'';
    const shapes = [
      makeShape('sticky', { id: 'sticky', text: attack }),
      makeShape('frame', { id: 'frame', y: 300, w: 2000, title: attack }),
      makeShape('image', { id: 'image', y: 500, alt: attack }),
    ];
    const { svg } = boardToSvg(shapes, { ...options, title: attack, imageHref: () => 'javascript:"/><script>' });
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('</text><script');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).toContain('&amp;amp;');
    expect(() => elementsOf(svg)).not.toThrow();
    expect(elementsOf(svg)).not.toContain('script');
  });

  it('drops characters XML cannot hold at all', () => {
    const { svg } = boardToSvg([makeShape('sticky', { id: 'sticky', w: 400, text: 'a\u0000b\u0007c\uD800d 😀' })], options);
    expect(svg).toContain('>abcd 😀</tspan>');
  });

  it('fits the viewBox to what is drawn, plus the padding', () => {
    const shapes = [makeShape('rect', { id: 'a', x: 100, y: 50, w: 200, h: 100 }), makeShape('sticky', { id: 'b', x: 400, y: 300, w: 100, h: 100 })];
    const { svg, box } = boardToSvg(shapes, { ...options, padding: 20 });
    // The rectangle's stroke spills 1 unit outside its box, the sticky's border half a unit.
    expect(box).toEqual({ x: 79, y: 29, w: 441.5, h: 391.5 });
    expect(viewBox(svg)).toEqual([79, 29, 441.5, 391.5]);
    expect(svg).toContain('width="441.5" height="391.5"');
  });

  it('shows exactly the area asked for, whatever sticks out of it', () => {
    const shapes = [makeShape('rect', { id: 'a', x: -500, y: 0, w: 2000, h: 100 })];
    const { box } = boardToSvg(shapes, { ...options, padding: 0, area: { x: 0, y: 0, w: 960, h: 540 } });
    expect(box).toEqual({ x: 0, y: 0, w: 960, h: 540 });
  });

  it('reaches past a connector end for its arrowhead', () => {
    const shapes = [makeShape('connector', { id: 'c', start: { kind: 'point', x: 0, y: 0 }, end: { kind: 'point', x: 100, y: 0 } })];
    expect(boardToSvg(shapes, { ...options, padding: 0 }).box).toEqual({ x: -10, y: -10, w: 120, h: 20 });
  });

  it('exports only the selection, with the content of a selected frame', () => {
    const { svg } = boardToSvg(everyType, { ...options, only: new Set(['frame', 'ellipse']) });
    const drawn = [...svg.matchAll(/data-type="(\w+)"/g)].map((match) => match[1]);
    expect(drawn).toEqual(['frame', 'sticky', 'ellipse']);
    expect(viewBox(svg)).toEqual([-10.5, -10.5, 821, 621]);
  });

  it('keeps a selected connector glued to a shape left out of the export', () => {
    const { svg } = boardToSvg(everyType, { ...options, only: new Set(['connector']) });
    // The rectangle's right side, middle: where the connector starts.
    expect(svg).toContain('x1="120" y1="330"');
  });

  it('gives an empty board a blank page of the padding', () => {
    const { svg, box } = boardToSvg([], options);
    expect(box).toEqual({ x: -10, y: -10, w: 20, h: 20 });
    expect(svg).not.toContain('data-type');
  });

  it('leaves out what paints nothing, and markers nobody uses', () => {
    const shapes = [
      makeShape('text', { id: 't', text: 'invisible', color: 'aucun' }),
      makeShape('connector', { id: 'c', stroke: 'aucun' }),
      makeShape('connector', { id: 'd', arrowEnd: false, z: 'a1' }),
    ];
    const { svg } = boardToSvg(shapes, options);
    expect([...svg.matchAll(/data-type="(\w+)"/g)].map((match) => match[1])).toEqual(['connector']);
    expect(svg).not.toContain('<marker');
  });
});

describe('exportScope', () => {
  it('brings nested frames and their content along with a selected frame', () => {
    const shapes = [
      makeShape('frame', { id: 'outer', z: 'a0' }),
      makeShape('frame', { id: 'inner', z: 'a1', parent: 'outer' }),
      makeShape('sticky', { id: 'deep', z: 'a2', parent: 'inner' }),
      makeShape('sticky', { id: 'outside', z: 'a3' }),
    ];
    expect(exportScope(shapes, new Set(['outer'])).map((shape) => shape.id)).toEqual(['outer', 'inner', 'deep']);
    expect(exportScope(shapes, new Set(['deep'])).map((shape) => shape.id)).toEqual(['deep']);
    expect(exportScope(shapes).map((shape) => shape.id)).toEqual(['outer', 'inner', 'deep', 'outside']);
  });
});
