import { describe, expect, it } from 'vitest';
import { getSchema } from '@tiptap/core';
import * as Y from 'yjs';
import { textExtensions } from './extensions.ts';
import { outline, type JsonNode } from './outline.ts';

const schema = getSchema(textExtensions({ doc: new Y.Doc() }));

const text = (value: string, marks?: JsonNode['attrs'][]) => ({ type: 'text', text: value, ...(marks ? { marks } : {}) });
const heading = (level: number, ...content: JsonNode[]): JsonNode => ({ type: 'heading', attrs: { level }, content });
const paragraph = (...content: JsonNode[]): JsonNode => ({ type: 'paragraph', ...(content.length > 0 ? { content } : {}) });

/** Where ProseMirror itself puts each heading of the document. */
function prosemirrorHeadings(doc: JsonNode): { level: number; text: string; pos: number }[] {
  const entries: { level: number; text: string; pos: number }[] = [];
  schema.nodeFromJSON(doc).descendants((node, pos) => {
    if (node.type.name === 'heading') entries.push({ level: node.attrs.level as number, text: node.textContent, pos });
  });
  return entries;
}

describe('outline', () => {
  it('lists the headings with the positions ProseMirror gives them, across every kind of block', () => {
    const doc: JsonNode = {
      type: 'doc',
      content: [
        heading(1, text('AMI « Gestion de l’eau »')),
        paragraph(text('Domaine : eau'), { type: 'hardBreak' }, text('suite, en ', [{ type: 'bold' }]), text('gras')),
        paragraph(),
        { type: 'horizontalRule' },
        heading(2, text('Contexte')),
        {
          type: 'bulletList',
          content: [{ type: 'listItem', content: [paragraph(text('capteurs 🌊 LoRaWAN'))] }],
        },
        {
          type: 'table',
          content: [
            {
              type: 'tableRow',
              content: [
                { type: 'tableCell', content: [paragraph(text('a'))] },
                { type: 'tableCell', content: [heading(3, text('Dans un tableau'))] },
              ],
            },
          ],
        },
        { type: 'blockquote', content: [paragraph(text('cité'))] },
        heading(2),
        heading(3, text('Calendrier'), { type: 'hardBreak' }, text('2026')),
      ],
    };
    const expected = prosemirrorHeadings(doc);
    expect(expected).toHaveLength(5);
    expect(outline(doc)).toEqual(expected.map((entry, index) => ({ ...entry, text: index === 4 ? 'Calendrier 2026' : entry.text })));
  });

  it('is empty for a document without headings', () => {
    expect(outline({ type: 'doc', content: [paragraph(text('rien'))] })).toEqual([]);
    expect(outline({ type: 'doc' })).toEqual([]);
  });
});
