/**
 * The board as a PDF to print or hand out: one page per frame (see `pdf-pages.ts`), each the
 * frame rasterised and its title as the page header, the board's title as the document's. The
 * rasteriser is given, since only a browser can draw an SVG to pixels.
 */
import { PDFDocument, rgb, StandardFonts, type PDFFont } from 'pdf-lib';
import type { Box } from '@eprouvette/shared';
import type { Shape } from '../engine/shape-model.ts';
import { TEXT_ON_PALE } from '../palette.ts';
import { truncateLine } from '../text/wrap-text.ts';
import { planPdfPages } from './pdf-pages.ts';
import { boardToSvg, type BoardSvg, type SvgOptions } from './svg.ts';

export interface PdfOptions extends Pick<SvgOptions, 'imageHref' | 'measure'> {
  /** The board's title: the document's title, and the header of a board without frames. */
  title: string;
  /** The header of a frame without a title, from its position in the document (1, 2…). */
  untitledFrame: (position: number) => string;
  /** PNG bytes of a page's SVG. */
  rasterise: (page: BoardSvg) => Promise<Uint8Array>;
  /** Told after each page, for a progress indication on long exports. */
  onPage?: (done: number, total: number) => void;
}

/** The long side of an A4 sheet, in points: a page prints on A4 at its full width. */
const PAGE_LONG_SIDE = 842;
const MARGIN = 28;
const HEADER_HEIGHT = 30;
const HEADER_SIZE = 14;
/** World units around the whole board on its single page; a frame's page shows the frame exactly. */
const BOARD_PADDING = 24;

export interface PageLayout {
  width: number;
  height: number;
  /** Where the picture goes, in PDF units (from the bottom left). */
  image: { x: number; y: number; width: number; height: number };
  header: { x: number; y: number; maxWidth: number };
}

/** A page of the area's aspect, its long side that of A4, the header above the picture. */
export function pageLayout(area: Pick<Box, 'w' | 'h'>): PageLayout {
  const w = Math.max(area.w, 1);
  const h = Math.max(area.h, 1);
  const scale = (PAGE_LONG_SIDE - 2 * MARGIN) / Math.max(w, h);
  const image = { x: MARGIN, y: MARGIN, width: w * scale, height: h * scale };
  return {
    width: image.width + 2 * MARGIN,
    height: image.height + HEADER_HEIGHT + 2 * MARGIN,
    image,
    header: { x: MARGIN, y: MARGIN + image.height + (HEADER_HEIGHT - HEADER_SIZE) / 2, maxWidth: image.width },
  };
}

/**
 * The header as the standard font can write it: characters outside its encoding (emoji, most
 * non-Latin scripts) become « ? » rather than failing the export, and a long title is cut.
 */
function headerText(title: string, font: PDFFont, maxWidth: number): string {
  const encodable = new Set(font.getCharacterSet());
  const written = Array.from(title, (char) => (encodable.has(char.codePointAt(0) ?? 0) ? char : '?')).join('');
  return truncateLine(written, maxWidth, HEADER_SIZE, (text, size) => font.widthOfTextAtSize(text, size));
}

function pdfColour(hex: string) {
  const [r, g, b] = [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16) / 255) as [number, number, number];
  return rgb(r, g, b);
}

export async function boardToPdf(shapes: readonly Shape[], options: PdfOptions): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(options.title, { showInWindowTitleBar: true });
  pdf.setLanguage('fr-FR');
  pdf.setCreator('Éprouvette');
  const font = await pdf.embedFont(StandardFonts.HelveticaBold);
  const pages = planPdfPages(shapes, options.title, options.untitledFrame);
  // One page at a time: a board of many frames never holds all its pictures in memory at once.
  for (const [index, page] of pages.entries()) {
    const drawn = boardToSvg(shapes, {
      only: page.only,
      area: page.area,
      padding: page.area ? 0 : BOARD_PADDING,
      title: page.title,
      imageHref: options.imageHref,
      measure: options.measure,
    });
    const picture = await pdf.embedPng(await options.rasterise(drawn));
    const layout = pageLayout(drawn.box);
    const sheet = pdf.addPage([layout.width, layout.height]);
    sheet.drawImage(picture, layout.image);
    sheet.drawText(headerText(page.title, font, layout.header.maxWidth), {
      x: layout.header.x,
      y: layout.header.y,
      size: HEADER_SIZE,
      font,
      color: pdfColour(TEXT_ON_PALE),
    });
    options.onPage?.(index + 1, pages.length);
  }
  return pdf.save();
}
