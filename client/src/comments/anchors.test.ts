import { describe, expect, it } from 'vitest';
import { getSchema } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { initProseMirrorDoc, prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import type { TextAnchor } from '@eprouvette/shared';
import { textExtensions } from '../ami-text/editor/extensions.ts';
import { AMI_TEXT_FIELD } from '../ami-text/text-field.ts';
import { anchorOf, isDeletedPassage, quoteOf, resolveAnchor, type PassageRange, type TextBinding } from './anchors.ts';

const schema = getSchema(textExtensions({ doc: new Y.Doc() }));

const SENTENCE = 'Le rendement de réseau doit atteindre 85 % en 2027.';
const PASSAGE = 'rendement de réseau';
const CONTENT = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Gestion de l’eau 2026' }] },
    { type: 'paragraph', content: [{ type: 'text', text: SENTENCE }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Les capteurs ' },
        { type: 'text', marks: [{ type: 'bold' }], text: 'acoustiques' },
        { type: 'text', text: ' signalent les fuites.' },
      ],
    },
  ],
};

/** Two replicas of one text, as two browsers hold it. */
function twoReplicas(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  prosemirrorJSONToYXmlFragment(schema, CONTENT, a.getXmlFragment(AMI_TEXT_FIELD));
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  return [a, b];
}

/** Each replica sends the other what it is missing, as the sync server would. */
function merge(a: Y.Doc, b: Y.Doc): void {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, toB);
  Y.applyUpdate(a, toA);
}

/** The editor's view of a replica: its ProseMirror document and the binding's mapping, freshly rendered. */
function render(doc: Y.Doc): { binding: TextBinding; pm: ProseMirrorNode } {
  const fragment = doc.getXmlFragment(AMI_TEXT_FIELD);
  const { doc: pm, mapping } = initProseMirrorDoc(fragment, schema);
  return { binding: { doc, fragment, mapping }, pm };
}

/** ProseMirror positions of the first occurrence of `text` inside one textblock. */
function find(pm: ProseMirrorNode, text: string): PassageRange {
  let found: PassageRange | null = null;
  pm.descendants((node, pos) => {
    if (found !== null || !node.isTextblock) return found === null;
    const index = node.textContent.indexOf(text);
    if (index >= 0) found = { from: pos + 1 + index, to: pos + 1 + index + text.length };
    return false;
  });
  if (found === null) throw new Error(`« ${text} » is not in the text`);
  return found;
}

function anchorOn(doc: Y.Doc, text: string): TextAnchor {
  const { binding, pm } = render(doc);
  const { from, to } = find(pm, text);
  const anchor = anchorOf(binding, pm, from, to);
  if (anchor === null) throw new Error('no anchor');
  return anchor;
}

/** What the anchor covers in a replica now. */
function passage(doc: Y.Doc, anchor: TextAnchor): string | null {
  const { binding, pm } = render(doc);
  const range = resolveAnchor(binding, anchor);
  return range === null ? null : pm.textBetween(range.from, range.to, ' ');
}

/** The XmlText of the sentence, for edits made as Yjs sees them. */
const sentenceText = (doc: Y.Doc) => (doc.getXmlFragment(AMI_TEXT_FIELD).get(1) as Y.XmlElement).get(0) as Y.XmlText;

describe('text anchors', () => {
  it('quote the selected passage and resolve back to it', () => {
    const [a] = twoReplicas();
    const anchor = anchorOn(a, PASSAGE);
    expect(anchor).toMatchObject({ kind: 'text', quote: PASSAGE });
    expect(anchor.start).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(passage(a, anchor)).toBe(PASSAGE);
  });

  it('keep the same passage through concurrent insertions and deletions before, after and right at its edges', () => {
    const [a, b] = twoReplicas();
    const anchor = anchorOn(a, PASSAGE);
    const start = SENTENCE.indexOf(PASSAGE);
    const end = start + PASSAGE.length;
    const text = sentenceText(b);
    // From the end backwards, so the indices of the original sentence stay valid.
    text.delete(end + 1, 4); // « doit », the word after
    text.insert(end + 1, 'vraiment'); // after, one character away
    text.insert(end, ' (ILP)'); // right after the last character
    text.insert(start, 'fameux '); // right before the first character
    text.delete(0, 3); // « Le » and its space, before
    text.insert(0, 'En 2026, ');
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Un paragraphe ajouté avant.')]);
    b.getXmlFragment(AMI_TEXT_FIELD).insert(1, [paragraph]);
    merge(a, b);

    expect(render(a).pm.textContent).toContain('Un paragraphe ajouté avant.En 2026, fameux rendement de réseau (ILP) vraiment atteindre 85 % en 2027.');
    expect(passage(a, anchor)).toBe(PASSAGE);
    expect(passage(b, anchor)).toBe(PASSAGE);
  });

  it('keep the passage when the characters next to it are deleted, and grow with text typed inside it', () => {
    const [a, b] = twoReplicas();
    const anchor = anchorOn(a, PASSAGE);
    const start = SENTENCE.indexOf(PASSAGE);
    const text = sentenceText(b);
    text.delete(start + PASSAGE.length, 1); // the space after
    text.delete(start - 1, 1); // the space before
    merge(a, b);
    expect(passage(a, anchor)).toBe(PASSAGE);

    sentenceText(a).insert(sentenceText(a).toString().indexOf(' de réseau'), ' moyen');
    merge(a, b);
    expect(passage(b, anchor)).toBe('rendement moyen de réseau');
  });

  it('resolve to an empty range once the whole passage is deleted, concurrently with its anchoring', () => {
    const [a, b] = twoReplicas();
    const anchor = anchorOn(a, PASSAGE);
    sentenceText(b).delete(SENTENCE.indexOf(PASSAGE) - 1, PASSAGE.length + 2);
    merge(a, b);
    const { binding } = render(a);
    const range = resolveAnchor(binding, anchor);
    expect(range).not.toBeNull();
    expect(isDeletedPassage(range)).toBe(true);
    expect(isDeletedPassage(resolveAnchor(binding, anchorOn(a, 'Gestion')))).toBe(false);
  });

  it('count a passage in a block someone deleted as deleted', () => {
    const [a, b] = twoReplicas();
    const anchor = anchorOn(a, 'acoustiques');
    b.getXmlFragment(AMI_TEXT_FIELD).delete(2, 1);
    merge(a, b);
    expect(isDeletedPassage(resolveAnchor(render(a).binding, anchor))).toBe(true);
  });

  it('span marks and paragraphs', () => {
    const [a, b] = twoReplicas();
    const bold = anchorOn(a, 'capteurs acoustiques signalent');
    const { binding, pm } = render(a);
    const across = anchorOf(binding, pm, find(pm, 'en 2027.').from, find(pm, 'Les capteurs').to);
    expect(across?.quote).toBe('en 2027. Les capteurs');
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Inséré entre les deux.')]);
    b.getXmlFragment(AMI_TEXT_FIELD).insert(0, [paragraph]);
    merge(a, b);
    expect(passage(b, bold)).toBe('capteurs acoustiques signalent');
    expect(passage(b, across!)).toBe('en 2027. Les capteurs');
  });

  it('hold no passage for an empty selection, and read nothing from malformed positions', () => {
    const [a] = twoReplicas();
    const { binding, pm } = render(a);
    const { from } = find(pm, PASSAGE);
    expect(anchorOf(binding, pm, from, from)).toBeNull();
    const anchor = anchorOn(a, PASSAGE);
    expect(resolveAnchor(binding, { ...anchor, start: 'BQ==' })).toBeNull();
    expect(resolveAnchor(binding, { ...anchor, end: '@@@' })).toBeNull();
  });

  it('quote a long passage on one line, cut to 500 characters', () => {
    const long = schema.node('doc', null, [schema.node('paragraph', null, [schema.text(`Début\u00a0 ${'mot '.repeat(200)}`)])]);
    const quote = quoteOf(long, 1, long.content.size - 1);
    expect(quote).toHaveLength(500);
    expect(quote.endsWith('…')).toBe(true);
    expect(quote.startsWith('Début mot')).toBe(true);
  });
});
