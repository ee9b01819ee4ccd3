/**
 * AMI text documents for the export tests: the server's template, and a text using every node and
 * mark of the editor, written the way the editor writes it (y-prosemirror through y-tiptap).
 */
import { getSchema, type JSONContent } from '@tiptap/core';
import Highlight from '@tiptap/extension-highlight';
import { TableKit } from '@tiptap/extension-table';
import StarterKit from '@tiptap/starter-kit';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { amiTextInitialUpdate } from '../../../../../server/src/documents/ami-text-template.ts';
import { AMI_TEXT_FIELD } from '../../text-field.ts';
import type { TextExportMeta } from '../export-meta.ts';

/** The editor's nodes and marks (client/src/ami-text/editor/extensions.ts, without what needs a view). */
const schema = getSchema([StarterKit.configure({ heading: { levels: [1, 2, 3] } }), TableKit, Highlight]);

export function templateDoc(title: string, domainName = 'Gestion de l’eau'): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, amiTextInitialUpdate({ title, domainName }));
  return doc;
}

export function docFromJson(content: JSONContent[]): Y.Doc {
  const doc = new Y.Doc();
  prosemirrorJSONToYXmlFragment(schema, { type: 'doc', content }, doc.getXmlFragment(AMI_TEXT_FIELD));
  return doc;
}

export const text = (value: string, marks: JSONContent['marks'] = []): JSONContent => ({ type: 'text', text: value, marks });
export const paragraph = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
export const heading = (level: number, value: string): JSONContent => ({ type: 'heading', attrs: { level }, content: [text(value)] });
export const item = (...content: JSONContent[]): JSONContent => ({ type: 'listItem', content });
export const cell = (value: string, attrs: Record<string, unknown> = {}, type = 'tableCell'): JSONContent => ({
  type,
  attrs,
  content: [paragraph(text(value))],
});

/** A weighting table with a header row, a cell over two rows and one over two columns. */
export const WEIGHTS_TABLE: JSONContent = {
  type: 'table',
  content: [
    { type: 'tableRow', content: [cell('Critère', {}, 'tableHeader'), cell('Poids', {}, 'tableHeader')] },
    { type: 'tableRow', content: [cell('Pertinence', { rowspan: 2 }), cell('30 %')] },
    { type: 'tableRow', content: [cell('25 %')] },
    { type: 'tableRow', content: [cell('Total', { colspan: 2 })] },
  ],
};

export function meta(overrides: Partial<TextExportMeta> = {}): TextExportMeta {
  return {
    title: 'Gestion de l’eau 2026',
    domainName: 'Gestion de l’eau',
    statusLabel: 'Publié',
    dates: { opensOn: '2026-09-15', closesOn: '2026-11-30', endsOn: null },
    envelopeEuros: 600_000,
    exportedAt: new Date('2026-03-02T14:05:00Z'),
    lang: 'fr',
    ...overrides,
  };
}
