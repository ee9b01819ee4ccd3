/**
 * Whether a text anchor points into the text it claims to comment: both ends must decode as Yjs
 * relative positions and resolve inside the text's XmlFragment, so a thread is never pinned on
 * another document, on a map key or on content the server has not received yet.
 */
import * as Y from 'yjs';
import type { TextAnchor } from '@eprouvette/shared';
import { AMI_TEXT_FIELD } from '../documents/ami-text-template.ts';

const INVALID = 'Le passage commenté est introuvable dans le texte : sélectionnez-le à nouveau.';
const NOT_YET_STORED = 'Le passage commenté n’est pas encore enregistré sur le serveur : réessayez dans un instant.';

function decodePosition(encoded: string): Y.RelativePosition | null {
  try {
    return Y.decodeRelativePosition(Buffer.from(encoded, 'base64'));
  } catch {
    return null;
  }
}

/** Yjs throws on a position that names neither an item nor a type: such a position is invalid. */
function resolved(doc: Y.Doc, position: Y.RelativePosition): Y.AbsolutePosition | null {
  try {
    return Y.createAbsolutePositionFromRelativePosition(position, doc);
  } catch {
    return null;
  }
}

/** Why the position cannot be resolved in the fragment, or null when it can. */
function positionProblem(doc: Y.Doc, fragment: Y.XmlFragment, encoded: string): string | null {
  const position = decodePosition(encoded);
  if (position === null) return INVALID;
  // An item the server does not have yet: the editor who selected it is still sending it.
  if (position.item !== null && Y.getState(doc.store, position.item.client) <= position.item.clock) return NOT_YET_STORED;
  if (position.type !== null && Y.getState(doc.store, position.type.client) <= position.type.clock) return NOT_YET_STORED;
  const absolute = resolved(doc, position);
  if (absolute === null) return INVALID;
  const inText = absolute.type === fragment || (absolute.type._item !== null && Y.isParentOf(fragment, absolute.type._item));
  return inText ? null : INVALID;
}

/** The problem with pinning `anchor` on the text `textState` (a Yjs update of the whole text), or null. */
export function textAnchorProblem(textState: Uint8Array, anchor: TextAnchor): string | null {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, textState);
    const fragment = doc.getXmlFragment(AMI_TEXT_FIELD);
    return positionProblem(doc, fragment, anchor.start) ?? positionProblem(doc, fragment, anchor.end);
  } finally {
    doc.destroy();
  }
}
