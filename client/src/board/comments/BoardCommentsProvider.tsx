/**
 * Comments on the board being shown: follows the board's comment document (read-only, written by
 * the server) and holds what the canvas and the panel share. Being on the board is a visit of its
 * comments (`useCommentsVisit`), from which the unread badges of the AMI page count.
 */
import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { commentsOf, documentName, type BoardAnchor, type CommentThread } from '@eprouvette/shared';
import { api, call } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { useCommentThreads, useThreadArrivals } from '../../comments/use-comment-threads.ts';
import { useI18n } from '../../i18n/index.ts';
import { useConnection, useSyncSession } from '../../sync/hooks.ts';
import { userIdentity } from '../../sync/identity.ts';
import { useBoard } from '../ui/board-context.ts';
import { BoardCommentsContext, type BoardCommentsValue } from './board-comments-context.ts';
import { commentPins, pinNumbers, type PinMark } from './pin-marks.ts';
import { placeWords } from './place-words.ts';
import { useCommentsVisit } from './use-comments-visit.ts';

export function BoardCommentsProvider({ children }: { children: ReactNode }) {
  const { ami, boardView, me, board } = useBoard();
  const { t } = useI18n();
  const amiId = ami.id;
  const boardId = boardView.id;
  const session = useSyncSession(documentName(commentsOf({ kind: 'board', amiId, boardId })), userIdentity(me));
  const connection = useConnection(session);
  const { threads, rejected } = useCommentThreads(session);
  const canComment = boardView.allowed.includes('board.comment');
  const [activeId, setActiveId] = useState<string | null>(null);
  const [draft, setDraft] = useState<BoardAnchor | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const marks = useRef<readonly PinMark[]>([]);
  const param = useMemo(() => ({ amiId, boardId }), [amiId, boardId]);

  const people = useApi(
    () => (canComment ? call(() => api.amis[':amiId'].boards[':boardId'].comments.mentionable.$get({ param })) : Promise.resolve({ ok: true as const, data: [] })),
    [param, canComment],
  );

  const placeOf = useCallback((thread: CommentThread) => (thread.anchor.kind === 'board' ? placeWords(thread.anchor, board.source.get.bind(board.source), t, 'inline') : ''), [board, t]);

  useThreadArrivals(threads, connection.loaded, me.id, (arrived) =>
    setAnnouncement(t('boardComments.announce.arrived', { name: arrived.createdBy.name, place: placeOf(arrived) })),
  );

  useCommentsVisit(param, threads.reduce((sum, thread) => sum + thread.messages.length, 0));

  const value = useMemo<BoardCommentsValue>(() => {
    const comments = api.amis[':amiId'].boards[':boardId'].comments;
    return {
      threads,
      rejectedCount: rejected.length,
      loaded: connection.loaded,
      unavailable: connection.refusedCode !== null,
      pins: commentPins(threads, activeId, draft),
      numbers: pinNumbers(threads),
      marks,
      activeId,
      select: setActiveId,
      draft,
      startDraft: setDraft,
      closeDraft: () => setDraft(null),
      actions: canComment
        ? {
            people: people.state.status === 'ready' ? people.state.data : null,
            create: (anchor, text, mentions) => call(() => comments.$post({ param, json: { anchor, text, mentions } })),
            reply: (threadId, text, mentions) => call(() => comments[':threadId'].replies.$post({ param: { ...param, threadId }, json: { text, mentions } })),
            setResolved: async (threadId, resolved) => {
              const threadParam = { ...param, threadId };
              const thread = comments[':threadId'];
              const result = await call(() => (resolved ? thread.resolve.$post({ param: threadParam }) : thread.reopen.$post({ param: threadParam })));
              if (!result.ok) return result;
              setAnnouncement(t(resolved ? 'boardComments.announce.resolved' : 'boardComments.announce.reopened', { place: placeOf(result.data) }));
              // Resolving closes the thread here, and its pin goes; someone else's resolution only turns the pin green.
              if (resolved) setActiveId((current) => (current === threadId ? null : current));
              return result;
            },
          }
        : null,
      announcement,
      announce: setAnnouncement,
    };
  }, [threads, rejected, connection, activeId, draft, canComment, people.state, param, announcement, t, placeOf]);

  return <BoardCommentsContext.Provider value={value}>{children}</BoardCommentsContext.Provider>;
}
