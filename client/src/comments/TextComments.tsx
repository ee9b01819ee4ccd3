/**
 * Comments on the AMI text, for the page's `comments` slot: follows the text's comment document
 * (read-only, written by the server), highlights the open threads' passages in the editor, and
 * lets commenters and above comment on a selected passage (« Commenter », Ctrl+Alt+M; without a
 * selection, on a paragraph chosen from a list, so the keyboard alone will do), reply,
 * resolve and reopen through the API.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useEditorState } from '@tiptap/react';
import { commentsOf, documentName, type CommentThread, type TextAnchor } from '@eprouvette/shared';
import { useAmiText } from '../ami-text/text-context.ts';
import { api, call } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { useI18n } from '../i18n/index.ts';
import { useConnection, useSyncSession } from '../sync/hooks.ts';
import { userIdentity } from '../sync/identity.ts';
import { anchorOf, bindingOf, passagePlaces } from './anchors.ts';
import { CommentComposer } from './CommentComposer.tsx';
import { commentHighlightsOf, setActiveThread, setHighlightedThreads, setPendingPassage } from './comment-highlights.ts';
import { CommentsPanel } from './CommentsPanel.tsx';
import type { ThreadActions } from './CommentThreadCard.tsx';
import { commentablePassages, type Passage } from './passages.ts';
import { useCommentThreads, useThreadArrivals } from './use-comment-threads.ts';

/** Ctrl+Alt+M (⌘+Alt+M on a Mac), as in the usual word processors; `code` so that AltGr layouts match too. */
const isCommentShortcut = (event: KeyboardEvent) => (event.ctrlKey || event.metaKey) && event.altKey && event.code === 'KeyM';

export function TextComments() {
  const { editor, ami, me } = useAmiText();
  const { t } = useI18n();
  const amiId = ami.id;
  const session = useSyncSession(documentName(commentsOf({ kind: 'ami-text', amiId })), userIdentity(me));
  const connection = useConnection(session);
  const { threads, rejected } = useCommentThreads(session);
  const canComment = ami.allowed.includes('amiText.comment');
  const highlights = useEditorState({ editor, selector: ({ editor: current }) => commentHighlightsOf(current.state), equalityFn: (a, b) => a === b });
  const [draft, setDraft] = useState<TextAnchor | null>(null);
  const [hint, setHint] = useState<string | null>(null);
  const [choosing, setChoosing] = useState<{ passages: Passage[]; index: number } | null>(null);
  const passageId = useId();
  const [announcement, setAnnouncement] = useState('');
  const startButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  const people = useApi(
    () => (canComment ? call(() => api.amis[':amiId'].text.comments.mentionable.$get({ param: { amiId } })) : Promise.resolve({ ok: true as const, data: [] })),
    [amiId, canComment],
  );

  useEffect(() => {
    setHighlightedThreads(
      editor,
      threads.flatMap((thread) => (thread.anchor.kind === 'text' ? [{ id: thread.id, anchor: thread.anchor, open: thread.resolved === null }] : [])),
    );
  }, [editor, threads]);

  useThreadArrivals(threads, connection.loaded, me.id, (arrived) =>
    setAnnouncement(t('comments.announce.arrived', { name: arrived.createdBy.name, quote: threadQuote(arrived) })),
  );

  /** Opens the draft on a passage; false when it cannot be anchored (nothing selected, not yet synced). */
  const draftOn = (from: number, to: number): boolean => {
    const { state } = editor;
    const binding = bindingOf(state);
    const anchor = binding && anchorOf(binding, state.doc, from, to);
    if (!anchor) return false;
    setHint(null);
    setChoosing(null);
    setDraft(anchor);
    setPendingPassage(editor, anchor);
    return true;
  };

  // Without a selection, the passage is chosen from a list: the keyboard way, read-only text included.
  const startComment = () => {
    const { from, to } = editor.state.selection;
    // The editor keeps its last selection after the person has selected elsewhere: only one still shown in the text counts.
    const shown = window.getSelection();
    const selectedInText = shown !== null && !shown.isCollapsed && editor.view.dom.contains(shown.anchorNode);
    if (selectedInText && draftOn(from, to)) return;
    const passages = commentablePassages(editor.state.doc);
    setHint(t('comments.start.needsSelection'));
    setChoosing({ passages, index: 0 });
  };

  const closeDraft = () => {
    returnFocus.current = true;
    setDraft(null);
    setPendingPassage(editor, null);
  };

  // Back to « Commenter » once the draft is closed: the button is disabled until then.
  useEffect(() => {
    if (draft !== null || !returnFocus.current) return;
    returnFocus.current = false;
    startButton.current?.focus();
  }, [draft]);

  // Registered again on each render, so that the shortcut uses the current editor and draft.
  useEffect(() => {
    if (!canComment || draft !== null) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isCommentShortcut(event)) return;
      event.preventDefault();
      startComment();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  });

  const showPassage = (thread: CommentThread) => {
    setActiveThread(editor, thread.id);
    const range = highlights.ranges.get(thread.id);
    if (!range || range.from === range.to) return;
    const { node } = editor.view.domAtPos(range.from);
    (node instanceof Element ? node : node.parentElement)?.scrollIntoView({ block: 'center' });
  };

  const actions: ThreadActions | null = canComment
    ? {
        people: people.state.status === 'ready' ? people.state.data : null,
        reply: (threadId, text, mentions) =>
          call(() => api.amis[':amiId'].text.comments[':threadId'].replies.$post({ param: { amiId, threadId }, json: { text, mentions } })),
        setResolved: async (threadId, resolved) => {
          const param = { amiId, threadId };
          const route = api.amis[':amiId'].text.comments[':threadId'];
          const result = await call(() => (resolved ? route.resolve.$post({ param }) : route.reopen.$post({ param })));
          if (result.ok) setAnnouncement(t(resolved ? 'comments.announce.resolved' : 'comments.announce.reopened', { quote: threadQuote(result.data) }));
          return result;
        },
      }
    : null;

  const starter = canComment ? (
    <div className="comments-panel__start">
      <button ref={startButton} type="button" className="button button--small" onClick={startComment} aria-keyshortcuts="Control+Alt+M" disabled={draft !== null}>
        {t('comments.start.button')}
      </button>
      <p className="comments-panel__help" role="status">
        {hint ?? t('comments.start.help')}
      </p>
      {choosing && draft === null && (
        <form
          className="comments-panel__choose"
          data-testid="comment-choose-passage"
          onSubmit={(event) => {
            event.preventDefault();
            const passage = choosing.passages[choosing.index];
            if (passage === undefined || !draftOn(passage.from, passage.to)) setHint(t('comments.start.notReady'));
          }}
        >
          <label className="field__label" htmlFor={passageId}>
            {t('comments.start.passage')}
          </label>
          <select
            id={passageId}
            className="field__input"
            autoFocus
            value={choosing.index}
            onChange={(event) => setChoosing({ ...choosing, index: Number(event.target.value) })}
          >
            {choosing.passages.map((passage, index) => (
              <option key={passage.from} value={index}>
                {passage.label}
              </option>
            ))}
          </select>
          <div className="comments-panel__choose-actions">
            <button type="submit" className="button button--small" disabled={choosing.passages.length === 0}>
              {t('comments.start.choose')}
            </button>
            <button type="button" className="button button--small button--secondary" onClick={() => setChoosing(null)}>
              {t('action.cancel')}
            </button>
          </div>
        </form>
      )}
      {draft && (
        <div className="comments-panel__draft" data-testid="comment-draft">
          <p className="comments-panel__draft-quote">
            {t('comments.start.on')} <q>{draft.quote}</q>
          </p>
          <CommentComposer
            label={t('comments.start.label')}
            submitLabel={t('comments.start.submit')}
            people={actions?.people ?? null}
            autoFocus
            testId="comment-new"
            send={(text, mentions) => call(() => api.amis[':amiId'].text.comments.$post({ param: { amiId }, json: { anchor: draft, text, mentions } }))}
            onSent={(thread) => {
              closeDraft();
              setActiveThread(editor, thread.id);
              setAnnouncement(t('comments.announce.published'));
            }}
            onCancel={closeDraft}
          />
        </div>
      )}
    </div>
  ) : (
    <p className="comments-panel__help">{t('comments.readOnly')}</p>
  );

  return (
    <CommentsPanel
      threads={threads}
      rejectedCount={rejected.length}
      loaded={connection.loaded}
      unavailable={connection.refusedCode !== null}
      places={passagePlaces(highlights.ranges)}
      describePlace={(thread, deleted) => (
        <>
          <span className="visually-hidden">{t('comments.thread.on')} </span>
          <q className={deleted ? 'comment-thread__quote comment-thread__quote--deleted' : 'comment-thread__quote'}>{threadQuote(thread)}</q>
        </>
      )}
      deletedLabel={t('comments.thread.passageDeleted')}
      activeId={highlights.activeId}
      onSelect={showPassage}
      meId={me.id}
      actions={actions}
      starter={starter}
      announcement={announcement}
    />
  );
}

function threadQuote(thread: CommentThread): string {
  return thread.anchor.kind === 'text' ? thread.anchor.quote : '';
}
