import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream, type PDFPage } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { Shape } from '../engine/shape-model.ts';
import { makeShape } from '../engine/testing/shapes.ts';
import { boardToPdf, pageLayout, type PdfOptions } from './pdf.ts';
import { planPdfPages, readingOrder } from './pdf-pages.ts';
import type { BoardSvg } from './svg.ts';

/** A 1×1 PNG: node cannot rasterise, and the page layout does not depend on the picture's pixels. */
const PIXEL = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII='),
  (char) => char.charCodeAt(0),
);

function options(rasterised: BoardSvg[] = []): PdfOptions {
  return {
    title: 'Atelier mobilité',
    untitledFrame: (position) => `Cadre ${position}`,
    imageHref: () => null,
    rasterise: async (page) => {
      rasterised.push(page);
      return PIXEL;
    },
  };
}

/** The page's drawing operators, inflated, to find the header text written on it. */
function pageContent(page: PDFPage): string {
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => page.doc.context.lookup(ref)) : [contents];
  return streams
    .map((stream) => (stream instanceof PDFRawStream ? new TextDecoder('latin1').decode(decodePDFRawStream(stream).decode()) : ''))
    .join('\n');
}

/** Helvetica text is written as hex of its WinAnsi codes: Latin-1 for these titles. */
function shown(text: string): string {
  return `<${Array.from(text, (char) => (char.codePointAt(0) ?? 0).toString(16).padStart(2, '0')).join('').toUpperCase()}> Tj`;
}

const frames: Shape[] = [
  makeShape('frame', { id: 'second', x: 1000, y: 20, w: 960, h: 540, z: 'a1', title: '' }),
  makeShape('frame', { id: 'third', x: 0, y: 700, w: 400, h: 800, z: 'a2', title: 'Portrait' }),
  makeShape('frame', { id: 'first', x: 0, y: 0, w: 960, h: 540, z: 'a0', title: 'Intro' }),
  makeShape('frame', { id: 'nested', x: 10, y: 40, w: 300, h: 200, z: 'a3', title: 'Dans Intro', parent: 'first' }),
  makeShape('sticky', { id: 'note', x: 50, y: 50, z: 'a4', parent: 'nested', text: 'Dedans' }),
  makeShape('sticky', { id: 'loose', x: 3000, y: 3000, z: 'a5', text: 'Dehors' }),
];

describe('readingOrder', () => {
  it('reads rows top to bottom, each left to right, despite frames placed slightly off', () => {
    const at = (id: string, x: number, y: number) => ({ id, x, y, w: 100, h: 100 });
    const ordered = readingOrder([at('d', 200, 190), at('b', 200, 10), at('c', 0, 210), at('a', 0, 30)]);
    expect(ordered.map((frame) => frame.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('starts a new row below the middle of the row above', () => {
    const ordered = readingOrder([
      { id: 'tall', x: 0, y: 0, w: 100, h: 400 },
      { id: 'beside', x: 200, y: 150, w: 100, h: 100 },
      { id: 'below', x: 100, y: 250, w: 100, h: 100 },
    ]);
    expect(ordered.map((frame) => frame.id)).toEqual(['tall', 'beside', 'below']);
  });
});

describe('planPdfPages', () => {
  it('gives one page per top-level frame, in reading order, untitled ones numbered', () => {
    const pages = planPdfPages(frames, 'Atelier', (position) => `Cadre ${position}`);
    expect(pages.map((page) => page.title)).toEqual(['Intro', 'Cadre 2', 'Portrait']);
    expect(pages[0]).toMatchObject({ area: { x: 0, y: 0, w: 960, h: 540 }, only: new Set(['first']) });
  });

  it('puts a board without frames on one page titled after the board', () => {
    expect(planPdfPages([makeShape('sticky', { id: 'note' })], 'Atelier', String)).toEqual([{ title: 'Atelier' }]);
  });

  it('treats a frame whose parent is gone as top-level', () => {
    const orphan = makeShape('frame', { id: 'orphan', parent: 'vanished', title: 'Seul' });
    expect(planPdfPages([orphan], 'Atelier', String).map((page) => page.title)).toEqual(['Seul']);
  });
});

describe('pageLayout', () => {
  it('keeps the frame aspect, the long side on A4, the header above the picture', () => {
    const layout = pageLayout({ w: 960, h: 540 });
    expect(layout.width).toBe(842);
    expect(layout.image.width / layout.image.height).toBeCloseTo(960 / 540);
    expect(layout.header.y).toBeGreaterThan(layout.image.y + layout.image.height);
    expect(layout.header.y).toBeLessThan(layout.height);
  });

  it('turns a portrait frame into a portrait page', () => {
    const layout = pageLayout({ w: 400, h: 800 });
    expect(layout.height).toBeGreaterThan(layout.width);
    expect(layout.image.height).toBe(842 - 2 * layout.image.x);
  });
});

describe('boardToPdf', () => {
  it('writes one page per frame, sized to it, titled after the board', async () => {
    const rasterised: BoardSvg[] = [];
    const progress: string[] = [];
    const bytes = await boardToPdf(frames, { ...options(rasterised), onPage: (done, total) => progress.push(`${done}/${total}`) });

    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(pdf.getPageCount()).toBe(3);
    expect(pdf.getTitle()).toBe('Atelier mobilité');
    const sizes = pdf.getPages().map((page) => page.getSize());
    const expected = [pageLayout({ w: 960, h: 540 }), pageLayout({ w: 960, h: 540 }), pageLayout({ w: 400, h: 800 })];
    sizes.forEach((size, index) => {
      expect(size.width).toBeCloseTo(expected[index]?.width ?? 0, 2);
      expect(size.height).toBeCloseTo(expected[index]?.height ?? 0, 2);
    });
    expect(progress).toEqual(['1/3', '2/3', '3/3']);

    expect(rasterised.map((page) => page.box)).toEqual([
      { x: 0, y: 0, w: 960, h: 540 },
      { x: 1000, y: 20, w: 960, h: 540 },
      { x: 0, y: 700, w: 400, h: 800 },
    ]);
    // A frame's page holds its content, nested frames included, and nothing from elsewhere.
    expect(rasterised[0]?.svg).toContain('Dedans');
    expect(rasterised[0]?.svg).toContain('Dans Intro');
    expect(rasterised.some((page) => page.svg.includes('Dehors'))).toBe(false);
  });

  it('writes each frame title as its page header', async () => {
    const pdf = await PDFDocument.load(await boardToPdf(frames, options()));
    const [first, second, third] = pdf.getPages().map(pageContent);
    expect(first).toContain(shown('Intro'));
    expect(second).toContain(shown('Cadre 2'));
    expect(third).toContain(shown('Portrait'));
  });

  it('puts a board without frames on one page of everything', async () => {
    const rasterised: BoardSvg[] = [];
    const shapes = [makeShape('sticky', { id: 'a', x: 0, y: 0, w: 200, h: 200 }), makeShape('sticky', { id: 'b', x: 800, y: 400, w: 200, h: 200 })];
    const pdf = await PDFDocument.load(await boardToPdf(shapes, options(rasterised)));
    expect(pdf.getPageCount()).toBe(1);
    expect(pageContent(pdf.getPage(0))).toContain(shown('Atelier mobilité'));
    expect(rasterised[0]?.box).toEqual({ x: -24.5, y: -24.5, w: 1049, h: 649 });
  });

  it('exports an empty board as one blank page', async () => {
    const pdf = await PDFDocument.load(await boardToPdf([], options()));
    expect(pdf.getPageCount()).toBe(1);
  });

  it('writes a header the standard font cannot fully encode, and cuts a long one', async () => {
    const shapes = [makeShape('frame', { id: 'frame', title: `Idées 🚀 交通 ${'très long '.repeat(40)}` })];
    const pdf = await PDFDocument.load(await boardToPdf(shapes, options()));
    const content = pageContent(pdf.getPage(0));
    // « Idées ? ?? … » : the rocket and the ideograms replaced, the end cut with an ellipsis (0x85).
    expect(content).toMatch(/<4964E96573203F203F3F20(?:[0-9A-F]{2})+85> Tj/);
  });
});
