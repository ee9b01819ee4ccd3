import type { NewShape, ShapePatch } from './board-document.ts';
import type { Box } from './geometry/math.ts';
import type { Shape } from './shape-model.ts';
import { applyChanges, translateShape } from './transform.ts';

/**
 * What a gesture shows before it commits: the renderer draws it, and the app sends it to peers
 * through awareness so that they see a drag live, while the document changes once, on drop.
 * Plain JSON for that reason.
 */
export type Preview =
  | { readonly kind: 'marquee'; readonly rect: Box }
  | { readonly kind: 'move'; readonly ids: readonly string[]; readonly dx: number; readonly dy: number }
  | { readonly kind: 'resize'; readonly patches: readonly ShapePatch[] }
  /** A shape being drawn (rectangle, arrow, stroke, frame), not yet in the document. */
  | { readonly kind: 'create'; readonly shape: NewShape };

/**
 * How each document shape looks during the preview. Built once per preview, then applied to every
 * drawn shape (a Set or Map lookup each, not a scan of the preview). Resolving connector ends
 * through it makes arrows follow the shapes being dragged.
 */
export function previewTransform(preview: Preview | null): (shape: Shape) => Shape {
  if (preview?.kind === 'move') {
    const moving = new Set(preview.ids);
    return (shape) => (moving.has(shape.id) ? translateShape(shape, preview.dx, preview.dy) : shape);
  }
  if (preview?.kind === 'resize') {
    const patches = new Map(preview.patches.map((patch) => [patch.id, patch.changes]));
    return (shape) => {
      const changes = patches.get(shape.id);
      return changes === undefined ? shape : applyChanges(shape, changes);
    };
  }
  return (shape) => shape;
}
