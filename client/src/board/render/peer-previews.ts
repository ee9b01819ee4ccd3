/**
 * Peers' drags, as this board may show them. A peer's drop reaches us twice: the document
 * update that moves the shapes, and, a little later (awareness is throttled), the end of their
 * preview. In between, applying the preview to the moved shapes would show them twice as far;
 * so a previewed shape is shown by the preview only until the document changes it.
 */
import type { Preview } from '../engine/preview.ts';
import { previewedIds } from './hidden-shapes.ts';
import type { RemotePeer } from './peer.ts';

type Revision = (id: string) => number | undefined;

interface Gesture {
  readonly key: string;
  /** The revision of each previewed shape when the gesture was first seen. */
  readonly revisions: ReadonlyMap<string, number | undefined>;
}

/** The same gesture for as long as the same shapes move the same way. */
function gestureKey(preview: Preview): string {
  return `${preview.kind}:${previewedIds(preview).join(',')}`;
}

function restricted(preview: Preview, keep: (id: string) => boolean): Preview | null {
  if (preview.kind === 'move') {
    const ids = preview.ids.filter(keep);
    return ids.length === 0 ? null : { ...preview, ids };
  }
  if (preview.kind === 'resize') {
    const patches = preview.patches.filter((patch) => keep(patch.id));
    return patches.length === 0 ? null : { ...preview, patches };
  }
  return preview;
}

export class PeerPreviews {
  private gestures = new Map<number, Gesture>();

  /** Peers' previews, each less the shapes the document changed since their gesture began. */
  current(peers: readonly RemotePeer[], revision: Revision): Preview[] {
    const gestures = new Map<number, Gesture>();
    const previews: Preview[] = [];
    for (const { clientId, preview } of peers) {
      if (preview === null) continue;
      const key = gestureKey(preview);
      const known = this.gestures.get(clientId);
      const gesture = known?.key === key ? known : { key, revisions: new Map(previewedIds(preview).map((id) => [id, revision(id)])) };
      gestures.set(clientId, gesture);
      const shown = restricted(preview, (id) => gesture.revisions.get(id) === revision(id));
      if (shown !== null) previews.push(shown);
    }
    this.gestures = gestures;
    return previews;
  }
}
