/**
 * « Comparer avec maintenant »: what changed between a version and the document as it is now.
 * A text is compared block by block (a heading, a paragraph, a list item, a table cell), and the
 * words of a block that changed are compared within it; a board is compared shape by shape.
 */
import { diffArrays, diffWords } from 'diff';
import type * as Y from 'yjs';
import { readBoard } from '../board/layout.ts';
import type { Shape, ShapeType } from '../board/schema.ts';
import { readTextBlocks, TEXT_FRAGMENT, type TextBlock, type TextBlockKind } from './text-blocks.ts';

export type PartChange = 'added' | 'removed' | 'same';

export interface TextPart {
  text: string;
  change: PartChange;
}

export type BlockStatus = 'added' | 'removed' | 'changed' | 'unchanged';

export interface BlockComparison {
  status: BlockStatus;
  kind: TextBlockKind;
  level: number;
  /** The block's words, each marked as added (now, not in the version), removed or the same. */
  parts: TextPart[];
}

const blockKey = (block: TextBlock) => `${block.kind}:${block.level}:${block.text}`;

function whole(block: TextBlock, status: 'added' | 'removed' | 'unchanged'): BlockComparison {
  return { status, kind: block.kind, level: block.level, parts: [{ text: block.text, change: status === 'unchanged' ? 'same' : status }] };
}

function changed(before: TextBlock, after: TextBlock): BlockComparison {
  const parts = diffWords(before.text, after.text).map((part): TextPart => ({
    text: part.value,
    change: part.added ? 'added' : part.removed ? 'removed' : 'same',
  }));
  return { status: 'changed', kind: after.kind, level: after.level, parts };
}

/**
 * Blocks removed and added at one place: taken in order, a removed block and an added block of the
 * same kind are one block that changed; the others were removed or added whole.
 */
function pairUp(removed: readonly TextBlock[], added: readonly TextBlock[]): BlockComparison[] {
  const result: BlockComparison[] = [];
  const count = Math.max(removed.length, added.length);
  for (let index = 0; index < count; index++) {
    const before = removed[index];
    const after = added[index];
    if (before && after && before.kind === after.kind) result.push(changed(before, after));
    else {
      if (before) result.push(whole(before, 'removed'));
      if (after) result.push(whole(after, 'added'));
    }
  }
  return result;
}

/** The blocks of the version (`before`) against the blocks now (`after`), in the order of the text. */
export function compareTextBlocks(before: readonly TextBlock[], after: readonly TextBlock[]): BlockComparison[] {
  const result: BlockComparison[] = [];
  let removed: TextBlock[] = [];
  let oldIndex = 0;
  let newIndex = 0;
  for (const part of diffArrays(before.map(blockKey), after.map(blockKey))) {
    if (part.removed) {
      removed = before.slice(oldIndex, oldIndex + part.count);
      oldIndex += part.count;
      continue;
    }
    if (part.added) {
      result.push(...pairUp(removed, after.slice(newIndex, newIndex + part.count)));
      newIndex += part.count;
    } else {
      result.push(...pairUp(removed, []));
      result.push(...after.slice(newIndex, newIndex + part.count).map((block) => whole(block, 'unchanged')));
      oldIndex += part.count;
      newIndex += part.count;
    }
    removed = [];
  }
  result.push(...pairUp(removed, []));
  return result;
}

export function compareText(version: Y.Doc, current: Y.Doc, field = TEXT_FRAGMENT): BlockComparison[] {
  return compareTextBlocks(readTextBlocks(version.getXmlFragment(field)), readTextBlocks(current.getXmlFragment(field)));
}

export interface ShapeSummary {
  id: string;
  type: ShapeType;
  /** What the shape says: its text, a frame's title, an image's description; may be empty. */
  label: string;
}

/**
 * A property as people see it: a move changes the `position`, a resize the `size`, the paint
 * order is `order`; the others keep their stored name (`text`, `color`, `fill`, `start`…).
 */
export type ShapeProperty = string;

export interface ShapeChange extends ShapeSummary {
  /** The label in the version, when it differs from now. */
  previousLabel: string | null;
  properties: ShapeProperty[];
}

export interface BoardComparison {
  added: ShapeSummary[];
  removed: ShapeSummary[];
  changed: ShapeChange[];
}

const PROPERTY_GROUPS: Readonly<Record<string, ShapeProperty>> = { x: 'position', y: 'position', w: 'size', h: 'size', z: 'order' };

export function shapeLabel(shape: Shape): string {
  if ('text' in shape) return shape.text;
  if (shape.type === 'frame') return shape.title;
  return shape.type === 'image' ? shape.alt : '';
}

const summary = (shape: Shape): ShapeSummary => ({ id: shape.id, type: shape.type, label: shapeLabel(shape) });

function changedProperties(before: Shape, after: Shape): ShapeProperty[] {
  const properties = new Set<ShapeProperty>();
  const old: Record<string, unknown> = before;
  const now: Record<string, unknown> = after;
  for (const key of new Set([...Object.keys(old), ...Object.keys(now)])) {
    if (key === 'id' || JSON.stringify(old[key]) === JSON.stringify(now[key])) continue;
    properties.add(PROPERTY_GROUPS[key] ?? key);
  }
  return [...properties];
}

/** Shapes of the version (`before`) against the shapes now (`after`), each list in paint order. */
export function compareShapes(before: readonly Shape[], after: readonly Shape[]): BoardComparison {
  const old = new Map(before.map((shape) => [shape.id, shape]));
  const now = new Map(after.map((shape) => [shape.id, shape]));
  const comparison: BoardComparison = { added: [], removed: [], changed: [] };
  for (const shape of after) {
    const previous = old.get(shape.id);
    if (previous === undefined) {
      comparison.added.push(summary(shape));
      continue;
    }
    const properties = changedProperties(previous, shape);
    if (properties.length === 0) continue;
    const previousLabel = shapeLabel(previous);
    comparison.changed.push({ ...summary(shape), previousLabel: previousLabel === shapeLabel(shape) ? null : previousLabel, properties });
  }
  for (const shape of before) if (!now.has(shape.id)) comparison.removed.push(summary(shape));
  return comparison;
}

export function compareBoard(version: Y.Doc, current: Y.Doc): BoardComparison {
  return compareShapes(readBoard(version).shapes, readBoard(current).shapes);
}
