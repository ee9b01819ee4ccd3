/**
 * The board's « Commentaires » panel, for the layout's `comments` slot: the shared comment panel
 * with the board's threads, each named by its pin number and its item, and « Voir », which opens
 * the thread and centres the board on its pin — the way to reach a pin with the keyboard alone.
 */
import { useMemo } from 'react';
import { pinPlace, type CommentThread } from '@eprouvette/shared';
import { CommentsPanel } from '../../comments/CommentsPanel.tsx';
import type { ThreadPlace } from '../../comments/thread-list.ts';
import { useI18n } from '../../i18n/index.ts';
import { useBoard } from '../ui/board-context.ts';
import { useEditorState } from '../ui/use-editor-state.ts';
import { useBoardComments } from './board-comments-context.ts';
import { itemDeleted, placeWords } from './place-words.ts';
import './board-comments.css';

export function BoardCommentsPanel() {
  const { t } = useI18n();
  const { board, editor, me } = useBoard();
  const comments = useBoardComments();
  const { threads, numbers, marks, actions } = comments;
  // Names of items and deletions follow the board.
  const revision = useEditorState(editor, (state) => state.revision);
  const tool = useEditorState(editor, (state) => state.tool);
  const lookup = useMemo(() => (id: string) => board.source.get(id), [board]);

  const places = useMemo(
    () =>
      new Map<string, ThreadPlace>(
        threads.map((thread) => [thread.id, { order: numbers.get(thread.id) ?? Number.POSITIVE_INFINITY, deleted: thread.anchor.kind === 'board' && itemDeleted(thread.anchor, lookup) }]),
      ),
    [threads, numbers, lookup, revision],
  );

  const show = (thread: CommentThread) => {
    if (thread.anchor.kind !== 'board') return;
    comments.select(thread.id);
    const { shapeId } = thread.anchor;
    // Where the canvas drew it (a deleted item's pin stays where it was seen), else where it is now.
    const drawn = marks.current?.find((mark) => mark.id === thread.id)?.world;
    editor.centreOn(drawn ?? pinPlace(thread.anchor, shapeId === null ? undefined : lookup(shapeId)).point);
  };

  const describePlace = (thread: CommentThread) => {
    const number = numbers.get(thread.id) ?? 0;
    return (
      <>
        <span className="comment-pin-badge" aria-hidden="true">
          {number}
        </span>
        <span className="visually-hidden">{t('boardComments.pin', { number })} </span>
        <span className="comment-thread__place">{thread.anchor.kind === 'board' ? placeWords(thread.anchor, lookup, t, 'heading') : ''}</span>
        <span className="comment-thread__show">{t('boardComments.show')}</span>
      </>
    );
  };

  const starter = actions ? (
    <div className="comments-panel__start">
      <button type="button" className="button button--small" aria-keyshortcuts="C" aria-pressed={tool === 'comment'} onClick={() => editor.startComment()}>
        {t('comments.start.button')}
      </button>
      <p className="comments-panel__help">{t('boardComments.help')}</p>
    </div>
  ) : (
    <p className="comments-panel__help">{t('comments.readOnly')}</p>
  );

  return (
    <CommentsPanel
      threads={threads}
      rejectedCount={comments.rejectedCount}
      loaded={comments.loaded}
      unavailable={comments.unavailable}
      places={places}
      describePlace={describePlace}
      deletedLabel={t('boardComments.itemDeleted')}
      activeId={comments.activeId}
      onSelect={show}
      meId={me.id}
      actions={actions}
      starter={starter}
      announcement={comments.announcement}
    />
  );
}
