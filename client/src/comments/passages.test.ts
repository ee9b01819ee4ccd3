import { describe, expect, it } from 'vitest';
import { getSchema } from '@tiptap/core';
import * as Y from 'yjs';
import { textExtensions } from '../ami-text/editor/extensions.ts';
import { commentablePassages } from './passages.ts';

const schema = getSchema(textExtensions({ doc: new Y.Doc() }));
const text = (value: string) => ({ type: 'text', text: value });
const paragraph = (value?: string) => ({ type: 'paragraph', ...(value === undefined ? {} : { content: [text(value)] }) });

describe('commentablePassages', () => {
  it('gives every non-empty block, nested ones included, as the range of its text', () => {
    const doc = schema.nodeFromJSON({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [text('Contexte')] },
        paragraph(),
        paragraph('Les   capteurs\tdu réseau.'),
        { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph('Un point')] }] },
      ],
    });
    const passages = commentablePassages(doc);
    expect(passages.map((passage) => passage.label)).toEqual(['Contexte', 'Les capteurs du réseau.', 'Un point']);
    for (const passage of passages) expect(doc.textBetween(passage.from, passage.to).replace(/\s+/g, ' ')).toBe(passage.label);
  });

  it('shortens long blocks in the list, not in the range', () => {
    const long = 'mot '.repeat(40).trim();
    const [passage] = commentablePassages(schema.nodeFromJSON({ type: 'doc', content: [paragraph(long)] }));
    expect(passage?.label).toHaveLength(80);
    expect(passage?.label.endsWith('…')).toBe(true);
    expect(passage && passage.to - passage.from).toBe(long.length);
  });
});
