import { describe, expect, it } from 'vitest';
import { getSchema } from '@tiptap/core';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { documentName } from '@eprouvette/shared';
import { amiTextInitialUpdate } from '../../../server/src/documents/ami-text-template.ts';
import { documentEntries } from '../../../server/src/search/search-entries.ts';
import { textExtensions } from '../ami-text/editor/extensions.ts';
import { AMI_TEXT_FIELD } from '../ami-text/text-field.ts';
import { blockPosition } from './block-position.ts';

const schema = getSchema(textExtensions({ doc: new Y.Doc() }));
const AMI = 'aaaaaaaaaaaaaaaa';

function element(name: string, children: (Y.XmlElement | Y.XmlText)[], attributes: Record<string, unknown> = {}): Y.XmlElement {
  const node = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value as string);
  node.insert(0, children);
  return node;
}

const paragraph = (text: string) => element('paragraph', text === '' ? [] : [new Y.XmlText(text)]);

/** A text with a heading, an empty paragraph, a list and a table, as Tiptap stores it. */
function richText(): Y.Doc {
  const doc = new Y.Doc();
  const cell = (text: string) => element('tableCell', [paragraph(text)], { colspan: 1 as unknown as string, rowspan: 1 as unknown as string });
  doc.getXmlFragment(AMI_TEXT_FIELD).insert(0, [
    element('heading', [new Y.XmlText('Objectifs')], { level: 2 as unknown as string }),
    paragraph(''),
    element('bulletList', [element('listItem', [paragraph('Télérelève')]), element('listItem', [paragraph('Débits de nuit')])]),
    element('table', [element('tableRow', [cell('Coût'), cell('Sobriété')])]),
    paragraph('Contacts'),
  ]);
  return doc;
}

describe('blockPosition', () => {
  it.each([
    ['the template', () => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, amiTextInitialUpdate({ title: 'Gestion de l’eau', domainName: 'Gestion de l’eau' }));
      return doc;
    }],
    ['a text with a list and a table', richText],
  ])('finds, in the editor, the block the server points a search result at (%s)', (_, make) => {
    const doc = make();
    const editorDoc = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(AMI_TEXT_FIELD), schema);
    const entries = documentEntries({ kind: 'ami-text', amiId: AMI }, documentName({ kind: 'ami-text', amiId: AMI }), Y.encodeStateAsUpdate(doc));
    expect(entries.length).toBeGreaterThan(2);
    for (const entry of entries) {
      const position = blockPosition(editorDoc, Number(entry.focus));
      expect(position, entry.body).not.toBeNull();
      // The caret's block holds the passage's first line.
      expect(editorDoc.nodeAt(position!)?.textContent).toBe(entry.body.split('\n')[0]);
    }
  });

  it('answers null for a block the editor does not have', () => {
    const editorDoc = yXmlFragmentToProseMirrorRootNode(richText().getXmlFragment(AMI_TEXT_FIELD), schema);
    expect(blockPosition(editorDoc, 5)).toBeNull();
    expect(blockPosition(editorDoc, -1)).toBeNull();
    expect(blockPosition(editorDoc, 1.5)).toBeNull();
  });
});
