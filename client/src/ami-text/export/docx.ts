/**
 * The AMI text as a Word document (with the `docx` library): a title page, then the text with
 * Word's own heading styles (so its navigation pane lists the sections), real numbered and
 * bulleted lists, bordered tables, hyperlinks; the AMI's title in the header and « Page 3 sur 12 »
 * in the footer of every page but the first.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IBaseParagraphStyleOptions,
  type ILevelsOptions,
  type IParagraphOptions,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import { documentKind, messageParts, titlePageFacts, type TextExportMeta } from './export-meta.ts';
import { bindFrenchSpaces, EXPORT_COLORS, EXPORT_SIZES, headingSize } from './export-style.ts';
import { layOutSections, type ProgressListener } from './progress.ts';
import { bodyBlocks, sectionsOf } from './sections.ts';
import { headerRowCount, tableGrid } from './table-grid.ts';
import { linkSpans, type Block, type HeadingLevel as Level, type Inline, type TableRow as TextTableRow, type TextModel } from './text-model.ts';

/** Installed with Word and LibreOffice alike (as Liberation Sans), so the layout holds everywhere. */
const FONT = 'Arial';
const MONO_FONT = 'Courier New';
/** A4 with 2 cm margins, in twentieths of a point. */
const PAGE = { width: 11906, height: 16838, margin: 1134 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
const INDENT = 360;

type BlockOutput = Paragraph | Table;

const halfPoints = (points: number) => Math.round(points * 2);
const twips = (points: number) => Math.round(points * 20);

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

function headingStyle(level: Level): IBaseParagraphStyleOptions {
  return {
    run: { font: FONT, size: halfPoints(headingSize(level)), bold: true, color: EXPORT_COLORS.accent },
    // The outline level is what Word's navigation pane and tables of contents read.
    paragraph: { outlineLevel: level - 1, keepNext: true, keepLines: true, spacing: { before: twips(level <= 2 ? 18 : 12), after: twips(6) } },
  };
}

const BULLETS = ['•', '◦', '▪'];
const ORDERED_FORMATS = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN];

function listLevels(ordered: boolean, start: number): ILevelsOptions[] {
  return Array.from({ length: 9 }, (_, level) => ({
    level,
    format: ordered ? ORDERED_FORMATS[level % 3] : LevelFormat.BULLET,
    text: ordered ? `%${level + 1}.` : BULLETS[level % 3],
    start: level === 0 ? start : 1,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: INDENT * (level + 1), hanging: INDENT } } },
  }));
}

const thinBorder = { style: BorderStyle.SINGLE, size: 4, color: EXPORT_COLORS.border };
/** A quotation: a teal rule down its left side. */
const QUOTE: IParagraphOptions = { border: { left: { style: BorderStyle.SINGLE, size: 18, color: EXPORT_COLORS.accent, space: 8 } } };

/** Turns the blocks into Word paragraphs and tables; keeps the count of lists so that each restarts. */
class DocxWriter {
  private lists = 0;

  blocks(blocks: readonly Block[], indent = 0, quoted = false): BlockOutput[] {
    return blocks.flatMap((block) => this.block(block, indent, quoted));
  }

  private block(block: Block, indent: number, quoted: boolean): BlockOutput[] {
    const frame: IParagraphOptions = { ...(indent > 0 ? { indent: { left: indent } } : {}), ...(quoted ? QUOTE : {}) };
    switch (block.kind) {
      case 'heading':
        return [new Paragraph({ ...frame, heading: HEADINGS[block.level - 1], children: runs(block.content) })];
      case 'paragraph':
        return [new Paragraph({ ...frame, children: runs(block.content) })];
      case 'list':
        return this.list(block, indent, quoted, 0);
      case 'blockquote':
        return this.blocks(block.blocks, indent + INDENT, true);
      case 'code':
        return [
          new Paragraph({
            ...frame,
            shading: { type: ShadingType.CLEAR, fill: EXPORT_COLORS.codeFill, color: 'auto' },
            children: lines(block.text, { font: MONO_FONT, size: halfPoints(EXPORT_SIZES.code) }),
          }),
        ];
      case 'rule':
        return [new Paragraph({ ...frame, border: { bottom: { ...thinBorder, space: 4 } }, children: [] })];
      case 'table':
        return [this.table(block.rows)];
    }
  }

  private list(list: Extract<Block, { kind: 'list' }>, indent: number, quoted: boolean, depth: number): BlockOutput[] {
    const numbering = {
      reference: { reference: list.ordered ? `ordered-${list.start}` : 'bullets', levels: listLevels(list.ordered, list.start) },
      level: Math.min(depth, 8),
      instance: ++this.lists,
    };
    const itemIndent = indent + INDENT * (depth + 1);
    return list.items.flatMap((item) => {
      let numbered = false;
      return item.blocks.flatMap((block): BlockOutput[] => {
        if (block.kind === 'list') return this.list(block, indent, quoted, depth + 1);
        if (!numbered && (block.kind === 'paragraph' || block.kind === 'heading')) {
          numbered = true;
          return [new Paragraph({ numbering, ...(quoted ? QUOTE : {}), children: runs(block.content) })];
        }
        // The item's other blocks line up with its text, under the number.
        return this.block(block, itemIndent, quoted);
      });
    });
  }

  private table(rows: readonly TextTableRow[]): Table {
    const grid = tableGrid(rows);
    const headers = headerRowCount(rows);
    const columnWidth = Math.floor(TEXT_WIDTH / Math.max(grid.columns, 1));
    return new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: Array.from({ length: grid.columns }, () => columnWidth),
      borders: {
        top: thinBorder,
        bottom: thinBorder,
        left: thinBorder,
        right: thinBorder,
        insideHorizontal: thinBorder,
        insideVertical: thinBorder,
      },
      rows: grid.rows.map(
        (line, index) =>
          new TableRow({
            tableHeader: index < headers,
            cantSplit: true,
            // Cells covered by a span above are added by `docx` itself (as vertical merges).
            children: line.flatMap((slot) => {
              if (slot.kind === 'covered') return [];
              const cell = slot.kind === 'cell' ? slot.cell : null;
              const content = cell ? this.blocks(cell.blocks) : [];
              return [
                new TableCell({
                  children: content.length > 0 ? content : [new Paragraph({ children: [] })],
                  columnSpan: slot.kind === 'cell' ? slot.colspan : 1,
                  rowSpan: slot.kind === 'cell' ? slot.rowspan : 1,
                  width: { size: columnWidth * (slot.kind === 'cell' ? slot.colspan : 1), type: WidthType.DXA },
                  margins: { top: 60, bottom: 60, left: 100, right: 100 },
                  ...(cell?.header ? { shading: { type: ShadingType.CLEAR, fill: EXPORT_COLORS.headerFill, color: 'auto' } } : {}),
                }),
              ];
            }),
          }),
      ),
    });
  }
}

/** Text with its line breaks as Word breaks. */
function lines(text: string, options: Omit<IRunOptions, 'text' | 'break'>): TextRun[] {
  return text.split('\n').map((line, index) => new TextRun({ ...options, text: line, ...(index > 0 ? { break: 1 } : {}) }));
}

function inlineRuns(inline: Inline, link: boolean): TextRun[] {
  if (inline.kind === 'break') return [new TextRun({ break: 1 })];
  const { marks } = inline;
  return lines(marks.code ? inline.text : bindFrenchSpaces(inline.text), {
    ...(marks.bold ? { bold: true } : {}),
    ...(marks.italic ? { italics: true } : {}),
    ...(marks.strike ? { strike: true } : {}),
    ...(marks.underline || link ? { underline: {} } : {}),
    ...(link ? { color: EXPORT_COLORS.accent } : {}),
    ...(marks.highlight ? { highlight: 'yellow' as const } : {}),
    ...(marks.code ? { font: MONO_FONT, shading: { type: ShadingType.CLEAR, fill: EXPORT_COLORS.codeFill, color: 'auto' } } : {}),
  });
}

function runs(content: readonly Inline[]): ParagraphChild[] {
  return linkSpans(content).flatMap((span): ParagraphChild[] => {
    const spanRuns = span.content.flatMap((inline) => inlineRuns(inline, span.href !== null));
    return span.href === null ? spanRuns : [new ExternalHyperlink({ link: span.href, children: spanRuns })];
  });
}

function titlePage(meta: TextExportMeta): Paragraph[] {
  const small = { size: halfPoints(EXPORT_SIZES.body), color: EXPORT_COLORS.muted };
  return [
    new Paragraph({
      spacing: { before: twips(160), after: twips(8) },
      children: [new TextRun({ text: bindFrenchSpaces(documentKind(meta).toLocaleUpperCase(meta.lang)), ...small, bold: true, color: EXPORT_COLORS.accent, characterSpacing: 20 })],
    }),
    new Paragraph({
      heading: HeadingLevel.TITLE,
      spacing: { after: twips(24) },
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: EXPORT_COLORS.accent, space: 12 } },
      children: [new TextRun({ text: bindFrenchSpaces(meta.title) })],
    }),
    ...titlePageFacts(meta).map(
      (fact) =>
        new Paragraph({
          spacing: { after: twips(6) },
          children: messageParts('textExport.doc.fact', meta.lang).map((part) =>
            typeof part === 'string'
              ? new TextRun({ text: part, ...small })
              : part.field === 'label'
                ? new TextRun({ text: fact.label, ...small })
                : new TextRun({ text: bindFrenchSpaces(fact.value), bold: true }),
          ),
        }),
    ),
  ];
}

function runningHeader(meta: TextExportMeta): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [new TextRun({ text: bindFrenchSpaces(meta.title), size: halfPoints(EXPORT_SIZES.small), color: EXPORT_COLORS.muted })],
      }),
    ],
  });
}

function pageFooter(meta: TextExportMeta): Footer {
  const parts = messageParts('textExport.doc.page', meta.lang).map((part) =>
    typeof part === 'string' ? part : part.field === 'page' ? PageNumber.CURRENT : PageNumber.TOTAL_PAGES,
  );
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: parts, size: halfPoints(EXPORT_SIZES.small), color: EXPORT_COLORS.muted })],
      }),
    ],
  });
}

export async function toDocx(model: TextModel, meta: TextExportMeta, onProgress?: ProgressListener): Promise<Uint8Array> {
  const writer = new DocxWriter();
  const body = await layOutSections(sectionsOf(bodyBlocks(model, meta.title)), (section) => writer.blocks(section), onProgress);
  const empty = () => new Paragraph({ children: [] });
  const document = new Document({
    title: meta.title,
    subject: documentKind(meta),
    creator: 'Éprouvette',
    styles: {
      default: {
        document: {
          run: { font: FONT, size: halfPoints(EXPORT_SIZES.body), color: EXPORT_COLORS.text },
          paragraph: { spacing: { after: twips(6), line: 276 } },
        },
        title: { run: { font: FONT, size: halfPoints(EXPORT_SIZES.title), bold: true, color: EXPORT_COLORS.accent } },
        heading1: headingStyle(1),
        heading2: headingStyle(2),
        heading3: headingStyle(3),
        heading4: headingStyle(4),
        heading5: headingStyle(5),
        heading6: headingStyle(6),
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
          },
        },
        // The title page has its own, empty, header and footer.
        headers: { default: runningHeader(meta), first: new Header({ children: [empty()] }) },
        footers: { default: pageFooter(meta), first: new Footer({ children: [empty()] }) },
        children: [...titlePage(meta), new Paragraph({ children: [new PageBreak()] }), ...body],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}
