import { describe, expect, it } from 'vitest';
import { getSchema } from '@tiptap/core';
import { EditorState } from '@tiptap/pm/state';
import { initProseMirrorDoc, prosemirrorJSONToYXmlFragment, ySyncPlugin } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { textExtensions } from '../ami-text/editor/extensions.ts';
import { AMI_TEXT_FIELD } from '../ami-text/text-field.ts';
import { anchorOf, bindingOf } from './anchors.ts';
import { commentHighlightsKey, commentHighlightsOf, commentHighlightsPlugin, threadAt } from './comment-highlights.ts';

const schema = getSchema(textExtensions({ doc: new Y.Doc() }));
const SENTENCE = 'Le rendement de réseau doit atteindre 85 % en 2027.';

/** An editor state bound to a Yjs text the way Collaboration binds it, already rendered. */
function boundState(): EditorState {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment(AMI_TEXT_FIELD);
  prosemirrorJSONToYXmlFragment(schema, { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: SENTENCE }] }] }, fragment);
  const { doc: pm, mapping } = initProseMirrorDoc(fragment, schema);
  return EditorState.create({ schema, doc: pm, plugins: [ySyncPlugin(fragment, { mapping }), commentHighlightsPlugin()] });
}

/** Positions of `text` in the one paragraph. */
const at = (state: EditorState, text: string) => {
  const from = 1 + state.doc.textContent.indexOf(text);
  return { from, to: from + text.length };
};

function withThreads(state: EditorState, passages: Record<string, string>, activeId: string | null = null, resolved: string[] = []): EditorState {
  const binding = bindingOf(state)!;
  const threads = Object.entries(passages).map(([id, text]) => {
    const { from, to } = at(state, text);
    return { id, anchor: anchorOf(binding, state.doc, from, to)!, open: !resolved.includes(id) };
  });
  return state.apply(state.tr.setMeta(commentHighlightsKey, { threads, activeId }));
}

const highlighted = (state: EditorState) =>
  commentHighlightsOf(state)
    .decorations.find()
    .map((decoration) => [state.doc.textBetween(decoration.from, decoration.to), (decoration as unknown as { type: { attrs: { class: string } } }).type.attrs.class]);

describe('comment highlights', () => {
  it('highlight each open thread’s passage, the active one stronger, and locate resolved ones without highlighting them', () => {
    const state = withThreads(boundState(), { t1: 'rendement de réseau', t2: '85 %', t3: 'atteindre' }, 't2', ['t3']);
    expect(highlighted(state)).toEqual([
      ['rendement de réseau', 'comment-highlight'],
      ['85 %', 'comment-highlight comment-highlight--active'],
    ]);
    expect(commentHighlightsOf(state).ranges.get('t3')).toEqual(at(state, 'atteindre'));
    expect(threadAt(commentHighlightsOf(state), at(state, 'atteindre').from + 1)).toBeNull();
  });

  it('move the highlights with local edits, typing at their edges staying outside', () => {
    let state = withThreads(boundState(), { t1: 'rendement de réseau' });
    const { from, to } = at(state, 'rendement de réseau');
    state = state.apply(state.tr.insertText('!', to).insertText('bon ', from).insertText('En bref. ', 1));
    expect(state.doc.textContent).toBe('En bref. Le bon rendement de réseau! doit atteindre 85 % en 2027.');
    expect(highlighted(state)).toEqual([['rendement de réseau', 'comment-highlight']]);
  });

  it('show the passage of the comment being written, and drop it when done', () => {
    let state = boundState();
    const { from, to } = at(state, 'atteindre');
    const pending = anchorOf(bindingOf(state)!, state.doc, from, to);
    state = state.apply(state.tr.setMeta(commentHighlightsKey, { pending }));
    expect(highlighted(state)).toEqual([['atteindre', 'comment-highlight comment-highlight--pending']]);
    state = state.apply(state.tr.setMeta(commentHighlightsKey, { pending: null }));
    expect(highlighted(state)).toEqual([]);
  });

  it('pick the innermost passage under a click', () => {
    const state = withThreads(boundState(), { long: 'rendement de réseau doit', short: 'réseau' });
    const value = commentHighlightsOf(state);
    expect(threadAt(value, at(state, 'réseau').from + 1)).toBe('short');
    expect(threadAt(value, at(state, 'rendement').from + 1)).toBe('long');
    expect(threadAt(value, at(state, '2027').from)).toBeNull();
  });
});
