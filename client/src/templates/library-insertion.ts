/**
 * A template of the library put where the person is looking, through the same path as the
 * built-in templates (`template-insertion.ts`: centred on the view, above everything, one undo
 * step) and the board JSON import (new ids, frames and arrows kept joined).
 */
import * as Y from 'yjs';
import { bounds, instantiateTemplate, shapesMap, type BoardJson } from '@eprouvette/shared';
import { centredAt, type TemplateInsertion } from '../board/workshop/template-insertion.ts';

/** Inserts the template and returns the ids of its outermost shapes: what to select and show. */
export function insertLibraryTemplate(doc: Y.Doc, content: BoardJson, { center, author, newId, origin }: TemplateInsertion): string[] {
  const area = bounds(content.shapes) ?? { x: 0, y: 0, w: 0, h: 0 };
  const ids = instantiateTemplate(doc, content, { author, newId, origin, at: centredAt(center, area) });
  const shapes = shapesMap(doc);
  return ids.filter((id) => {
    const shape = shapes.get(id);
    return shape instanceof Y.Map && shape.get('parent') === null;
  });
}
