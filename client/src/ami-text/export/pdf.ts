/**
 * The AMI text as a PDF to publish (with pdfmake, in the browser or in Node): a title page, then
 * the text with its headings (also the PDF's bookmarks), lists, tables and links; the AMI's title
 * at the top and « Page 3 sur 12 » at the bottom of every page but the first. pdfmake and its
 * Roboto font weigh about 2 MB, so they are loaded only when a PDF is asked for.
 */
import type { PdfMake } from 'pdfmake';
import { documentKind, pageLabel, titlePageFacts, type TextExportMeta } from './export-meta.ts';
import { bindFrenchSpaces, EXPORT_COLORS, EXPORT_SIZES, headingSize } from './export-style.ts';
import { layOutSections, type ProgressListener } from './progress.ts';
import { bodyBlocks, sectionsOf } from './sections.ts';
import { headerRowCount, tableGrid } from './table-grid.ts';
import { inlineText, linkSpans, type Block, type HeadingLevel, type Inline, type TableRow, type TextModel } from './text-model.ts';

/** pdfmake's document nodes, as plain objects (the package ships no types). */
type PdfNode = Record<string, unknown>;

const FONT = 'Roboto';
const ROBOTO = { normal: 'Roboto-Regular.ttf', bold: 'Roboto-Medium.ttf', italics: 'Roboto-Italic.ttf', bolditalics: 'Roboto-MediumItalic.ttf' };

let loaded: Promise<PdfMake> | null = null;

/** pdfmake with Roboto, loaded once; a failed load is tried again next time. */
export function loadPdfMake(): Promise<PdfMake> {
  loaded ??= (async () => {
    const [{ default: pdfmake }, { default: fonts }] = await Promise.all([import('pdfmake'), import('pdfmake/build/vfs_fonts.js')]);
    if (pdfmake.addVirtualFileSystem) pdfmake.addVirtualFileSystem(fonts);
    else for (const [name, data] of Object.entries(fonts)) pdfmake.virtualfs.writeFileSync(name, data, 'base64');
    pdfmake.setFonts({ [FONT]: ROBOTO });
    // The document names no image or file: nothing is to be fetched or read.
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy?.(() => false);
    return pdfmake;
  })().catch((error: unknown) => {
    loaded = null;
    throw error;
  });
  return loaded;
}

const color = (hex: string) => `#${hex}`;
/** The style of the running header and footer, which `pageBreakBefore` looks past. */
const RUNNING = 'running';
/** A4 in points, with 2 cm margins. */
const PAGE = { width: 595.28, margin: 56.7 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;

/**
 * Roboto has no narrow no-break space, which French puts before « : » and in « 600 000 € »
 * (Intl writes it): the plain no-break space keeps the words together just as well.
 */
function printable(text: string): string {
  return text.replace(/\u202F/g, '\u00A0');
}

/** Prose, as opposed to code: French spacing too. */
function prose(text: string): string {
  return bindFrenchSpaces(printable(text));
}

function inlineNode(inline: Inline, href: string | null): PdfNode {
  if (inline.kind === 'break') return { text: '\n' };
  const { marks } = inline;
  const decoration = [...(marks.underline || href !== null ? ['underline'] : []), ...(marks.strike ? ['lineThrough'] : [])];
  return {
    text: marks.code ? printable(inline.text) : prose(inline.text),
    ...(marks.bold ? { bold: true } : {}),
    ...(marks.italic ? { italics: true } : {}),
    ...(decoration.length > 0 ? { decoration } : {}),
    ...(marks.highlight ? { background: color(EXPORT_COLORS.highlight) } : {}),
    ...(marks.code ? { background: color(EXPORT_COLORS.codeFill), fontSize: EXPORT_SIZES.code } : {}),
    ...(href !== null ? { link: href, color: color(EXPORT_COLORS.accent) } : {}),
  };
}

function inlines(content: readonly Inline[]): PdfNode[] {
  return linkSpans(content).flatMap((span) => span.content.map((inline) => inlineNode(inline, span.href)));
}

const hairlines = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => color(EXPORT_COLORS.border),
  vLineColor: () => color(EXPORT_COLORS.border),
  paddingLeft: () => 5,
  paddingRight: () => 5,
  paddingTop: () => 3,
  paddingBottom: () => 3,
};

/** A box around blocks: shaded for code, a teal rule on the left for a quotation. */
function boxed(stack: PdfNode[], kind: 'code' | 'quote'): PdfNode {
  return {
    table: { widths: ['*'], body: [[{ stack }]] },
    layout: {
      hLineWidth: () => 0,
      vLineWidth: (index: number) => (kind === 'quote' && index === 0 ? 2 : 0),
      vLineColor: () => color(EXPORT_COLORS.accent),
      fillColor: () => (kind === 'code' ? color(EXPORT_COLORS.codeFill) : null),
      paddingLeft: () => 8,
      paddingRight: () => 8,
      paddingTop: () => 4,
      paddingBottom: () => 4,
    },
    margin: [0, 2, 0, 8],
  };
}

/** Turns the blocks into pdfmake nodes; keeps the open headings, so that bookmarks nest as the headings do. */
class PdfWriter {
  private headings = 0;
  private openHeadings: { id: string; level: HeadingLevel }[] = [];

  blocks(blocks: readonly Block[]): PdfNode[] {
    return blocks.map((block) => this.block(block));
  }

  private block(block: Block): PdfNode {
    switch (block.kind) {
      case 'heading':
        return this.heading(block.level, block.content);
      case 'paragraph':
        return { text: inlines(block.content), style: 'paragraph' };
      case 'list':
        return {
          [block.ordered ? 'ol' : 'ul']: block.items.map((item) => ({ stack: this.blocks(item.blocks) })),
          ...(block.ordered ? { start: block.start } : {}),
          markerColor: color(EXPORT_COLORS.accent),
          margin: [0, 0, 0, 6],
        };
      case 'blockquote':
        return boxed(this.blocks(block.blocks), 'quote');
      case 'code':
        return boxed([{ text: printable(block.text), fontSize: EXPORT_SIZES.code, preserveLeadingSpaces: true }], 'code');
      case 'rule':
        return {
          canvas: [{ type: 'line', x1: 0, y1: 0, x2: TEXT_WIDTH, y2: 0, lineWidth: 0.5, lineColor: color(EXPORT_COLORS.border) }],
          margin: [0, 6, 0, 10],
        };
      case 'table':
        return this.table(block.rows);
    }
  }

  private heading(level: HeadingLevel, content: readonly Inline[]): PdfNode {
    while ((this.openHeadings.at(-1)?.level ?? 0) >= level) this.openHeadings.pop();
    const parent = this.openHeadings.at(-1);
    const id = `heading-${++this.headings}`;
    this.openHeadings.push({ id, level });
    return {
      text: inlines(content),
      style: `h${level}`,
      // Marks it as a heading for `pageBreakBefore`, which keeps it off the bottom of a page.
      headlineLevel: level,
      outline: true,
      outlineText: inlineText(content).replace(/\s+/g, ' '),
      id,
      ...(parent ? { outlineParentId: parent.id } : {}),
    };
  }

  private table(rows: readonly TableRow[]): PdfNode {
    const grid = tableGrid(rows);
    if (grid.columns === 0) return { text: '' };
    return {
      table: {
        headerRows: headerRowCount(rows),
        dontBreakRows: true,
        widths: Array.from({ length: grid.columns }, () => '*'),
        body: grid.rows.map((line) =>
          line.map((slot): PdfNode => {
            // pdfmake wants a placeholder in every slot a span covers.
            if (slot.kind !== 'cell') return slot.kind === 'covered' ? {} : { text: '' };
            return {
              stack: this.blocks(slot.cell.blocks),
              ...(slot.colspan > 1 ? { colSpan: slot.colspan } : {}),
              ...(slot.rowspan > 1 ? { rowSpan: slot.rowspan } : {}),
              ...(slot.cell.header ? { fillColor: color(EXPORT_COLORS.headerFill), bold: true } : {}),
            };
          }),
        ),
      },
      layout: hairlines,
      margin: [0, 2, 0, 10],
    };
  }
}

function titlePage(meta: TextExportMeta): PdfNode {
  return {
    stack: [
      { text: prose(documentKind(meta).toLocaleUpperCase(meta.lang)), bold: true, color: color(EXPORT_COLORS.accent), fontSize: EXPORT_SIZES.body },
      { text: prose(meta.title), fontSize: EXPORT_SIZES.title, bold: true, color: color(EXPORT_COLORS.accent), margin: [0, 6, 0, 10] },
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: TEXT_WIDTH, y2: 0, lineWidth: 1.5, lineColor: color(EXPORT_COLORS.accent) }], margin: [0, 0, 0, 18] },
      {
        table: {
          widths: ['auto', '*'],
          body: titlePageFacts(meta).map((fact) => [
            { text: prose(fact.label), color: color(EXPORT_COLORS.muted) },
            { text: prose(fact.value), bold: true },
          ]),
        },
        layout: 'noBorders',
      },
    ],
    margin: [0, 160, 0, 0],
    pageBreak: 'after',
  };
}

export async function toPdf(model: TextModel, meta: TextExportMeta, onProgress?: ProgressListener): Promise<Uint8Array> {
  const pdfmake = await loadPdfMake();
  const writer = new PdfWriter();
  const body = await layOutSections(sectionsOf(bodyBlocks(model, meta.title)), (section) => writer.blocks(section), onProgress);
  const headings = Object.fromEntries(
    ([1, 2, 3, 4, 5, 6] as const).map((level) => [
      `h${level}`,
      { fontSize: headingSize(level), bold: true, color: color(EXPORT_COLORS.accent), margin: [0, level <= 2 ? 14 : 10, 0, 5] },
    ]),
  );
  const document = {
    info: { title: meta.title, subject: documentKind(meta), creator: 'Éprouvette', producer: 'Éprouvette' },
    pageSize: 'A4',
    pageMargins: [PAGE.margin, PAGE.margin, PAGE.margin, PAGE.margin],
    defaultStyle: { font: FONT, fontSize: EXPORT_SIZES.body, lineHeight: 1.2, color: color(EXPORT_COLORS.text) },
    styles: {
      ...headings,
      paragraph: { margin: [0, 0, 0, 6] },
      [RUNNING]: { fontSize: EXPORT_SIZES.small, color: color(EXPORT_COLORS.muted) },
    },
    header: (page: number) =>
      page === 1 ? null : { text: prose(meta.title), style: RUNNING, alignment: 'right', margin: [PAGE.margin, 24, PAGE.margin, 0] },
    footer: (page: number, pages: number) =>
      page === 1 ? null : { text: prose(pageLabel(meta, page, pages)), style: RUNNING, alignment: 'center', margin: [0, 16, 0, 0] },
    // A heading with nothing after it on its page (the running header and footer aside) starts the next page.
    pageBreakBefore: (node: { headlineLevel?: number }, nodes: { getFollowingNodesOnPage: () => { style?: unknown }[] }) =>
      node.headlineLevel !== undefined && nodes.getFollowingNodesOnPage().every((following) => following.style === RUNNING),
    content: [titlePage(meta), ...body],
  };
  return new Uint8Array(await pdfmake.createPdf(document).getBuffer());
}
