/**
 * The passages of the open comment threads, highlighted in the text editor (ProseMirror
 * decorations: the document itself is untouched, so this works in a read-only editor too).
 *
 * The plugin's state holds the threads' anchors, the active thread (highlighted stronger) and the
 * passage of a comment being written. Where each passage is comes from its Yjs anchor through the
 * Collaboration binding (`anchors.ts`), recomputed whenever the threads change and whenever the
 * text changes from Yjs (someone else's edit, the first render); this person's own edits move the
 * highlights with ProseMirror's mapping, since the binding writes them to Yjs only afterwards.
 * Clicking a highlight makes its thread the active one; the panel follows the plugin's state.
 */
import { Extension, type Editor } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import type { Mapping } from '@tiptap/pm/transform';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type { TextAnchor } from '@eprouvette/shared';
import { bindingOf, isDeletedPassage, resolveAnchor, type PassageRange } from './anchors.ts';

export interface HighlightedThread {
  id: string;
  anchor: TextAnchor;
  /** Resolved threads are located (the panel lists them in text order too) but not highlighted. */
  open: boolean;
}

export interface CommentHighlightsState {
  threads: readonly HighlightedThread[];
  activeId: string | null;
  /** The passage of the comment being written. */
  pending: TextAnchor | null;
  /** Where each thread's passage is now; null when it cannot be found (see `resolveAnchor`). */
  ranges: ReadonlyMap<string, PassageRange | null>;
  pendingRange: PassageRange | null;
  decorations: DecorationSet;
}

type Change = Partial<Pick<CommentHighlightsState, 'threads' | 'activeId' | 'pending'>>;

export const commentHighlightsKey = new PluginKey<CommentHighlightsState>('commentHighlights');

const EMPTY: CommentHighlightsState = {
  threads: [],
  activeId: null,
  pending: null,
  ranges: new Map(),
  pendingRange: null,
  decorations: DecorationSet.empty,
};

function clamp(range: PassageRange | null, doc: ProseMirrorNode): PassageRange | null {
  if (range === null) return null;
  const size = doc.content.size;
  return { from: Math.min(range.from, size), to: Math.min(range.to, size) };
}

function highlight(range: PassageRange | null, className: string, threadId?: string): Decoration[] {
  if (range === null || isDeletedPassage(range)) return [];
  return [Decoration.inline(range.from, range.to, { class: className, ...(threadId && { 'data-comment-thread': threadId }) })];
}

function decorate(doc: ProseMirrorNode, value: Omit<CommentHighlightsState, 'decorations'>): CommentHighlightsState {
  const decorations = [
    ...value.threads.flatMap(({ id, open }) =>
      !open ? [] : highlight(value.ranges.get(id) ?? null, id === value.activeId ? 'comment-highlight comment-highlight--active' : 'comment-highlight', id),
    ),
    ...highlight(value.pendingRange, 'comment-highlight comment-highlight--pending'),
  ];
  return { ...value, decorations: DecorationSet.create(doc, decorations) };
}

/** Every passage read again from its anchor. */
function locate(state: EditorState, value: Omit<CommentHighlightsState, 'decorations'>): CommentHighlightsState {
  const binding = bindingOf(state);
  const resolve = (anchor: TextAnchor) => (binding === null ? null : clamp(resolveAnchor(binding, anchor), state.doc));
  const ranges = new Map(value.threads.map((thread) => [thread.id, resolve(thread.anchor)]));
  return decorate(state.doc, { ...value, ranges, pendingRange: value.pending === null ? null : resolve(value.pending) });
}

/** A passage moved by a local edit: typing at its edges stays outside it, as with the Yjs anchors. */
function mapRange(range: PassageRange | null, mapping: Mapping): PassageRange | null {
  if (range === null) return null;
  const from = mapping.map(range.from, 1);
  return { from, to: Math.max(from, mapping.map(range.to, -1)) };
}

/** The innermost open passage at `pos`, so that a short thread inside a longer one can be clicked. */
export function threadAt(value: CommentHighlightsState, pos: number): string | null {
  let best: { id: string; length: number } | null = null;
  for (const { id, open } of value.threads) {
    const range = value.ranges.get(id);
    if (!open || !range || isDeletedPassage(range) || pos < range.from || pos > range.to) continue;
    const length = range.to - range.from;
    if (best === null || length < best.length) best = { id, length };
  }
  return best?.id ?? null;
}

function dispatchChange(editor: Editor, change: Change): void {
  if (editor.isDestroyed) return;
  editor.view.dispatch(editor.state.tr.setMeta(commentHighlightsKey, change).setMeta('addToHistory', false));
}

export const setHighlightedThreads = (editor: Editor, threads: readonly HighlightedThread[]) => dispatchChange(editor, { threads });
export const setActiveThread = (editor: Editor, activeId: string | null) => dispatchChange(editor, { activeId });
export const setPendingPassage = (editor: Editor, pending: TextAnchor | null) => dispatchChange(editor, { pending });

export function commentHighlightsOf(state: EditorState): CommentHighlightsState {
  return commentHighlightsKey.getState(state) ?? EMPTY;
}

export function commentHighlightsPlugin(): Plugin<CommentHighlightsState> {
  return new Plugin<CommentHighlightsState>({
    key: commentHighlightsKey,
    state: {
      init: () => EMPTY,
      apply(tr, value, _oldState, newState) {
        const change = tr.getMeta(commentHighlightsKey) as Change | undefined;
        if (change !== undefined || tr.getMeta(ySyncPluginKey) !== undefined) return locate(newState, { ...value, ...change });
        if (!tr.docChanged) return value;
        const ranges = new Map([...value.ranges].map(([id, range]) => [id, mapRange(range, tr.mapping)]));
        return decorate(newState.doc, { ...value, ranges, pendingRange: mapRange(value.pendingRange, tr.mapping) });
      },
    },
    props: {
      decorations: (state) => commentHighlightsKey.getState(state)?.decorations,
      handleClick(view, pos) {
        const id = threadAt(commentHighlightsOf(view.state), pos);
        if (id !== null) view.dispatch(view.state.tr.setMeta(commentHighlightsKey, { activeId: id } satisfies Change));
        // The click still places the caret or starts a selection as usual.
        return false;
      },
    },
  });
}

/** For the editor's `extra` extensions: a module constant, so the editor is not recreated. */
export const CommentHighlights = Extension.create({
  name: 'commentHighlights',
  addProseMirrorPlugins: () => [commentHighlightsPlugin()],
});
