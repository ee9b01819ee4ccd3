/**
 * The « Commentaires » panel: open or resolved threads, in the order of what they comment, each
 * with its messages, a reply box and « Résoudre » / « Rouvrir ». It knows nothing of what is
 * commented (a text, a board): the page gives the threads, where each one sits (`places`) and how
 * to name that place, the actions the server allows this person, and its own way of starting a
 * thread (`starter`).
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { CommentThread } from '@eprouvette/shared';
import { useI18n } from '../i18n/index.ts';
import { CommentThreadCard, type ThreadActions } from './CommentThreadCard.tsx';
import { isOpen, listThreads, type ThreadFilter, type ThreadPlace } from './thread-list.ts';
import { useNow } from './use-comment-threads.ts';
import './comments.css';

export interface CommentsPanelProps {
  threads: readonly CommentThread[];
  /** Threads skipped because they do not read. */
  rejectedCount: number;
  /** The comment document has been received once. */
  loaded: boolean;
  /** The server refused the comment document. */
  unavailable: boolean;
  /** Where each thread sits in what it comments. */
  places: ReadonlyMap<string, ThreadPlace>;
  /** What a thread's heading button says of its place (a quoted passage, a pin on an item). */
  describePlace: (thread: CommentThread, deleted: boolean) => ReactNode;
  /** The mark of a thread whose place is gone (« passage supprimé », « élément supprimé »). */
  deletedLabel: string;
  activeId: string | null;
  onSelect: (thread: CommentThread) => void;
  meId: string;
  /** Null for people who may only read the comments. */
  actions: ThreadActions | null;
  /** How a thread is started here (button, composer): above the list. */
  starter: ReactNode;
  /** What to say politely to screen-reader users (a thread arrived, a thread was resolved…). */
  announcement: string;
}

export function CommentsPanel(props: CommentsPanelProps) {
  const { threads, rejectedCount, loaded, unavailable, places, describePlace, deletedLabel, activeId, onSelect, meId, actions, starter, announcement } = props;
  const { t } = useI18n();
  const now = useNow();
  const [filter, setFilter] = useState<ThreadFilter>('open');
  const list = useRef<HTMLOListElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const listed = listThreads(threads, places, filter, meId);
  const openCount = threads.filter(isOpen).length;
  // A resolved or reopened thread leaves this list, and its button with the focus: the focus goes
  // to the heading rather than to nowhere (the card may be gone before the answer arrives).
  const cardActions: ThreadActions | null = actions && {
    ...actions,
    setResolved: async (threadId, resolved) => {
      const result = await actions.setResolved(threadId, resolved);
      if (result.ok) heading.current?.focus();
      return result;
    },
  };
  const activeThread = threads.find((thread) => thread.id === activeId) ?? null;
  const activeFilter: ThreadFilter | null = activeThread === null ? null : isOpen(activeThread) ? 'open' : 'resolved';

  // A thread made active elsewhere (a click on its passage) is shown in its list; a thread that
  // someone else resolves does not pull the list along.
  useEffect(() => {
    if (activeFilter !== null) setFilter(activeFilter);
  }, [activeId]);
  useEffect(() => {
    if (activeId === null) return;
    list.current?.querySelector(`[data-thread-id="${activeId}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [activeId, filter]);

  return (
    <section className="card card--side comments-panel" aria-labelledby="comments-title" data-testid="comments-panel">
      <h2 id="comments-title" ref={heading} className="comments-panel__title" tabIndex={-1}>
        {t('comments.title')}
      </h2>
      {starter}
      <fieldset className="comments-panel__filter">
        <legend className="visually-hidden">{t('comments.filter.label')}</legend>
        {(['open', 'resolved'] as const).map((value) => (
          <label key={value} className={filter === value ? 'comments-panel__tab comments-panel__tab--current' : 'comments-panel__tab'}>
            <input type="radio" name="comments-filter" value={value} checked={filter === value} onChange={() => setFilter(value)} />
            {t(value === 'open' ? 'comments.filter.open' : 'comments.filter.resolved', { count: value === 'open' ? openCount : threads.length - openCount })}
          </label>
        ))}
      </fieldset>
      <div role="status" className="visually-hidden" data-testid="comments-announcement">
        {announcement}
      </div>
      {rejectedCount > 0 && (
        <p className="notice notice--info">{rejectedCount === 1 ? t('comments.rejected.one') : t('comments.rejected.other', { count: rejectedCount })}</p>
      )}
      {unavailable ? (
        <p className="muted">{t('comments.unavailable')}</p>
      ) : !loaded && threads.length === 0 ? (
        <p className="muted">{t('comments.loading')}</p>
      ) : listed.length === 0 ? (
        <p className="muted">{t(filter === 'open' ? 'comments.empty.open' : 'comments.empty.resolved')}</p>
      ) : (
        <ol className="comments-panel__list" ref={list}>
          {listed.map((entry) => (
            <CommentThreadCard
              key={entry.thread.id}
              listed={entry}
              place={describePlace(entry.thread, entry.deleted)}
              deletedLabel={deletedLabel}
              active={entry.thread.id === activeId}
              now={now}
              meId={meId}
              actions={cardActions}
              onSelect={onSelect}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
