/**
 * The AMI text as a document to publish: blocks with inline runs, read from the Y.XmlFragment that
 * Tiptap edits through y-prosemirror. The exporters (DOCX, PDF, Markdown) work on this model only,
 * so they never meet Yjs, and the same reading serves the live document and an old version's.
 *
 * The shared document is written by browsers, and the server does not check it against the editor's
 * schema: a node or mark this reader does not know degrades to its text, an attribute of the wrong
 * type falls back to its default, and nothing throws.
 */
import * as Y from 'yjs';
import { isAllowedLink } from '../editor/link-rule.ts';
import { AMI_TEXT_FIELD } from '../text-field.ts';

export const MARK_NAMES = ['bold', 'italic', 'strike', 'code', 'underline', 'highlight'] as const;
export type MarkName = (typeof MARK_NAMES)[number];
export type Marks = Readonly<Partial<Record<MarkName, true>>>;

export type Inline =
  | { readonly kind: 'text'; readonly text: string; readonly marks: Marks; readonly href?: string }
  | { readonly kind: 'break' };

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

export type Block =
  | { readonly kind: 'heading'; readonly level: HeadingLevel; readonly content: readonly Inline[] }
  | { readonly kind: 'paragraph'; readonly content: readonly Inline[] }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly start: number; readonly items: readonly ListItem[] }
  | { readonly kind: 'blockquote'; readonly blocks: readonly Block[] }
  | { readonly kind: 'code'; readonly language: string | null; readonly text: string }
  | { readonly kind: 'rule' }
  | { readonly kind: 'table'; readonly rows: readonly TableRow[] };

export interface ListItem {
  readonly blocks: readonly Block[];
}

export interface TableRow {
  readonly cells: readonly TableCell[];
}

export interface TableCell {
  readonly header: boolean;
  readonly colspan: number;
  readonly rowspan: number;
  readonly blocks: readonly Block[];
}

export interface TextModel {
  readonly blocks: readonly Block[];
}

/** The model of an AMI text document: the live one, or a version's restored into its own Y.Doc. */
export function textModelOf(doc: Y.Doc): TextModel {
  return readTextModel(doc.getXmlFragment(AMI_TEXT_FIELD));
}

export function readTextModel(fragment: Y.XmlFragment): TextModel {
  return { blocks: readBlocks(fragment) };
}

/** Wider than any table the editor makes; a larger span in the document would only blow up the layout. */
const MAX_SPAN = 50;

type YNode = Y.XmlElement | Y.XmlText | Y.XmlHook;

function children(parent: Y.XmlFragment | Y.XmlElement): YNode[] {
  return parent.toArray() as YNode[];
}

function readBlocks(parent: Y.XmlFragment | Y.XmlElement): Block[] {
  return children(parent).flatMap(readBlock);
}

function readBlock(node: YNode): Block[] {
  if (node instanceof Y.XmlText) return paragraphOf(readTextRuns(node));
  if (!(node instanceof Y.XmlElement)) return [];
  switch (node.nodeName) {
    case 'paragraph':
      return paragraphOf(readInlines(node));
    case 'heading':
      return [{ kind: 'heading', level: headingLevel(node.getAttribute('level')), content: readInlines(node) }];
    case 'bulletList':
      return [{ kind: 'list', ordered: false, start: 1, items: readListItems(node) }];
    case 'orderedList':
      return [{ kind: 'list', ordered: true, start: integerIn(node.getAttribute('start'), 0, Number.MAX_SAFE_INTEGER, 1), items: readListItems(node) }];
    case 'blockquote':
      return [{ kind: 'blockquote', blocks: readBlocks(node) }];
    case 'codeBlock': {
      const language = node.getAttribute('language');
      return [{ kind: 'code', language: typeof language === 'string' && language !== '' ? language : null, text: plainText(node) }];
    }
    case 'horizontalRule':
      return [{ kind: 'rule' }];
    case 'table':
      return [{ kind: 'table', rows: readTableRows(node) }];
    default:
      // A node of another schema (or a list item or cell out of place): its text, as a paragraph.
      return paragraphOf(textRun(plainText(node)));
  }
}

/** An empty paragraph is only spacing in the editor; the exports space blocks with their own styles. */
function paragraphOf(content: Inline[]): Block[] {
  return content.length === 0 ? [] : [{ kind: 'paragraph', content }];
}

function readListItems(list: Y.XmlElement): ListItem[] {
  return children(list).flatMap((child) => {
    if (child instanceof Y.XmlElement && child.nodeName === 'listItem') return [{ blocks: readBlocks(child) }];
    // Anything else straight in a list still shows, as an item of its own.
    const blocks = readBlock(child);
    return blocks.length === 0 ? [] : [{ blocks }];
  });
}

function readTableRows(table: Y.XmlElement): TableRow[] {
  const rows: TableRow[] = [];
  for (const row of children(table)) {
    if (!(row instanceof Y.XmlElement)) continue;
    const cells = children(row).flatMap((cell): TableCell[] => {
      if (!(cell instanceof Y.XmlElement)) return [];
      return [
        {
          header: cell.nodeName === 'tableHeader',
          colspan: integerIn(cell.getAttribute('colspan'), 1, MAX_SPAN, 1),
          rowspan: integerIn(cell.getAttribute('rowspan'), 1, MAX_SPAN, 1),
          blocks: cell.nodeName === 'tableHeader' || cell.nodeName === 'tableCell' ? readBlocks(cell) : readBlock(cell),
        },
      ];
    });
    if (cells.length > 0) rows.push({ cells });
  }
  return rows;
}

/** The inline content of a textblock: text runs, hard breaks, and the text of any other inline node. */
function readInlines(element: Y.XmlElement): Inline[] {
  return children(element).flatMap((child): Inline[] => {
    if (child instanceof Y.XmlText) return readTextRuns(child);
    if (!(child instanceof Y.XmlElement)) return [];
    if (child.nodeName === 'hardBreak') return [{ kind: 'break' }];
    return textRun(plainText(child));
  });
}

interface DeltaOp {
  insert?: unknown;
  attributes?: Record<string, unknown>;
}

function readTextRuns(text: Y.XmlText): Inline[] {
  const runs: Inline[] = [];
  for (const op of text.toDelta() as DeltaOp[]) {
    if (typeof op.insert !== 'string' || op.insert === '') continue;
    const attributes = op.attributes ?? {};
    const marks: Partial<Record<MarkName, true>> = {};
    for (const name of MARK_NAMES) if (attributes[name] !== undefined && attributes[name] !== null) marks[name] = true;
    const href = linkHref(attributes['link']);
    runs.push(href === null ? { kind: 'text', text: op.insert, marks } : { kind: 'text', text: op.insert, marks, href });
  }
  return runs;
}

/** y-prosemirror stores a mark as its attributes; a link whose scheme the editor refuses stays plain text. */
function linkHref(link: unknown): string | null {
  if (typeof link !== 'object' || link === null) return null;
  const href = (link as { href?: unknown }).href;
  return typeof href === 'string' && isAllowedLink(href) ? href.trim() : null;
}

function textRun(text: string): Inline[] {
  return text === '' ? [] : [{ kind: 'text', text, marks: {} }];
}

/** Joins the text of a node and its descendants; a hard break or a new textblock is a line break. */
function plainText(node: Y.XmlElement): string {
  const parts: string[] = [];
  for (const child of children(node)) {
    if (child instanceof Y.XmlText) {
      for (const op of child.toDelta() as DeltaOp[]) if (typeof op.insert === 'string') parts.push(op.insert);
    } else if (child instanceof Y.XmlElement) {
      if (child.nodeName === 'hardBreak') parts.push('\n');
      else {
        const inner = plainText(child);
        if (inner === '') continue;
        // Textblocks side by side (paragraphs of an unknown container) keep their separation.
        if (parts.length > 0 && !parts[parts.length - 1]?.endsWith('\n')) parts.push('\n');
        parts.push(inner);
      }
    }
  }
  return parts.join('');
}

/** y-prosemirror keeps a number; a string "2" would come from another writer, and anything else is a 1. */
function headingLevel(value: unknown): HeadingLevel {
  const level = Number(value);
  return Number.isInteger(level) && level >= 1 && level <= 6 ? (level as HeadingLevel) : 1;
}

function integerIn(value: unknown, min: number, max: number, fallback: number): number {
  const number = Number(value);
  return Number.isInteger(number) && number >= min ? Math.min(number, max) : fallback;
}

/** The text of inline content, a hard break as a newline. */
export function inlineText(content: readonly Inline[]): string {
  return content.map((inline) => (inline.kind === 'break' ? '\n' : inline.text)).join('');
}

export interface LinkSpan {
  readonly href: string | null;
  readonly content: readonly Inline[];
}

/** Inline content cut where the link changes, so that a link over differently marked runs is one link. */
export function linkSpans(content: readonly Inline[]): LinkSpan[] {
  const spans: { href: string | null; content: Inline[] }[] = [];
  for (const inline of content) {
    const href = inline.kind === 'text' ? (inline.href ?? null) : null;
    const last = spans[spans.length - 1];
    if (last && last.href === href) last.content.push(inline);
    else spans.push({ href, content: [inline] });
  }
  return spans;
}
