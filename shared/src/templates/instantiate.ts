/**
 * A template put into a board: the board JSON import (`importBoardJson`) with every shape credited
 * to the person inserting it, as the built-in templates are. The import gives new ids, keeps frames
 * and arrows joined, and lands the content above everything already on the board.
 */
import type * as Y from 'yjs';
import { importBoardJson, type BoardJson } from '../board/board-json.ts';
import type { Point } from '../board/geometry.ts';

export interface TemplateUse {
  /** User id recorded as the author of every inserted shape. */
  author: string;
  newId: () => string;
  origin: unknown;
  /** Where the content's top-left corner goes; where it was on the published board when absent. */
  at?: Point;
}

/** Adds the template's shapes to `doc` in one transaction and returns their new ids, in paint order. */
export function instantiateTemplate(doc: Y.Doc, content: BoardJson, { author, newId, origin, at }: TemplateUse): string[] {
  const authored: BoardJson = { ...content, shapes: content.shapes.map((shape) => ({ ...shape, author })) };
  return importBoardJson(doc, authored, origin, newId, at);
}
