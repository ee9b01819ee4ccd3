/**
 * Shapes left out of the tiles because the overlay draws them elsewhere or otherwise: those a
 * drag or resize (ours or a peer's) shows at their live place, the connectors glued to them (which
 * follow), and the shape whose text is being edited (the editor draws its text). Without this a
 * dragged note would show twice, and every tile under a drag would be redrawn at every move.
 */
import { connectorsTouching } from '@eprouvette/shared';
import type { Preview } from '../engine/preview.ts';
import type { Shape } from '../engine/shape-model.ts';

/** The shapes a preview shows away from where the document has them. */
export function previewedIds(preview: Preview | null): readonly string[] {
  if (preview?.kind === 'move') return preview.ids;
  if (preview?.kind === 'resize') return preview.patches.map((patch) => patch.id);
  return [];
}

/** The previewed shapes, the connectors glued to them, and the shape being edited. */
export function hiddenIds(previewed: ReadonlySet<string>, editing: string | null, shapes: Iterable<Shape>): Set<string> {
  const hidden = new Set(previewed);
  if (previewed.size > 0) for (const connector of connectorsTouching(previewed, [...shapes])) hidden.add(connector.id);
  if (editing !== null) hidden.add(editing);
  return hidden;
}
