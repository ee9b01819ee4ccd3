/**
 * What the parts of the AMI text page share — the live Tiptap editor, the document, the sync
 * session, the AMI and the signed-in person — so that a part plugged into a layout slot (comments,
 * versions, export) reaches the editor without the page passing it down each time.
 */
import { createContext, useContext } from 'react';
import type { Editor } from '@tiptap/core';
import type { AmiDetailView, MeView } from '@eprouvette/shared';
import type * as Y from 'yjs';
import type { SyncSession } from '../sync/session.ts';

export interface AmiTextContextValue {
  readonly editor: Editor;
  readonly doc: Y.Doc;
  readonly session: SyncSession;
  readonly ami: AmiDetailView;
  readonly me: MeView;
  /** The server does not apply this person's edits of the text (`access` of the connection). */
  readonly readOnly: boolean;
}

export const AmiTextContext = createContext<AmiTextContextValue | null>(null);

/** The AMI text page's shared state; only inside the page's layout. */
export function useAmiText(): AmiTextContextValue {
  const context = useContext(AmiTextContext);
  if (context === null) throw new Error('useAmiText must be used inside the AMI text page');
  return context;
}
