/**
 * The one list of Tiptap extensions of the AMI text: the live editor, the read-only preview of a
 * version and the exports all read the document through this schema, so that what one of them
 * accepts the others can show.
 */
import type { Extension, Extensions } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import Highlight from '@tiptap/extension-highlight';
import { TableKit } from '@tiptap/extension-table';
import { CharacterCount } from '@tiptap/extensions';
import StarterKit from '@tiptap/starter-kit';
import type * as Y from 'yjs';
import { sanitizeIdentity } from '../../sync/identity.ts';
import { AMI_TEXT_FIELD } from '../text-field.ts';
import { countWords } from './count-words.ts';
import { HeadingsBelowPage } from './headings-below-page.ts';
import { isAllowedLink, LINK_PROTOCOLS } from './link-rule.ts';
import { PastedLinks } from './pasted-links.ts';

export interface CaretOptions {
  /** Anything with the document's awareness, e.g. the session's `WebsocketProvider`. */
  provider: { awareness: unknown };
  user: { name: string; color: string };
}

export interface TextExtensionsOptions {
  doc: Y.Doc;
  /** The Y.XmlFragment holding the text; the AMI text's is `AMI_TEXT_FIELD`. */
  field?: string;
  /** Shows the others' carets and publishes this user's; `null` or absent for a read-only preview. */
  caret?: CaretOptions | null;
  extra?: Extension[];
}

/**
 * The caret of someone else, labelled with their name; awareness states are not trusted. Hidden
 * from screen readers, which would read the name in the middle of the sentence: the presence
 * list says who is writing.
 */
function renderCaret(user: Record<string, unknown>): HTMLElement {
  const identity = sanitizeIdentity(user) ?? { name: '?', color: '#4a5659' };
  const caret = document.createElement('span');
  caret.className = 'ami-caret';
  caret.setAttribute('aria-hidden', 'true');
  caret.style.borderColor = identity.color;
  const label = document.createElement('span');
  label.className = 'ami-caret__label';
  label.style.backgroundColor = identity.color;
  label.textContent = identity.name;
  caret.append(label);
  return caret;
}

function renderSelection(user: Record<string, unknown>) {
  const identity = sanitizeIdentity(user);
  // A translucent tint of the person's colour (hex + alpha), so the text stays readable.
  return { nodeName: 'span', class: 'ami-caret__selection', style: `background-color: ${identity?.color ?? '#4a5659'}33` };
}

export function textExtensions(options: TextExtensionsOptions): Extensions {
  const { doc, field = AMI_TEXT_FIELD, caret = null, extra = [] } = options;
  const extensions: Extensions = [
    StarterKit.configure({
      // Collaboration brings its own undo, which reverts only this user's changes.
      undoRedo: false,
      heading: { levels: [1, 2, 3] },
      link: {
        protocols: [...LINK_PROTOCOLS],
        defaultProtocol: 'https',
        openOnClick: false,
        isAllowedUri: (url) => isAllowedLink(url),
        shouldAutoLink: (url) => isAllowedLink(url),
      },
    }),
    TableKit.configure({ table: { resizable: false } }),
    Highlight,
    CharacterCount.configure({ wordCounter: countWords }),
    PastedLinks,
    HeadingsBelowPage,
    Collaboration.configure({ document: doc, field }),
  ];
  if (caret) {
    extensions.push(
      CollaborationCaret.configure({
        provider: caret.provider,
        user: caret.user,
        render: renderCaret,
        selectionRender: renderSelection,
      }),
    );
  }
  extensions.push(...extra);
  return extensions;
}
