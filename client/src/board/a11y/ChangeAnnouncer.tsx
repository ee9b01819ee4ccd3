import { useEffect, useEffectEvent, useState } from 'react';
import { useI18n } from '../../i18n/index.ts';
import type { ShapeSource } from '../engine/board-document.ts';
import type { ShapeLookup } from '../engine/geometry/shape-geometry.ts';
import { AnnouncementQueue } from './announcement-queue.ts';
import { announcementFor, type PendingChanges } from './change-announcer.ts';
import type { NameLookup } from './shape-description.ts';

/** One change set of the board, and whether this tab made it (then it is never announced). */
export type ChangeReportListener = (changed: readonly string[], deleted: readonly string[], local: boolean) => void;

export interface ChangeAnnouncerProps {
  readonly source: ShapeSource;
  /**
   * Registers a listener called for every change set once `source` has applied it; returns the
   * unsubscribe function. Keep it stable (a new function starts over and drops what is waiting).
   */
  readonly subscribe: (listener: ChangeReportListener) => () => void;
  readonly names?: NameLookup;
}

/**
 * A visually hidden polite live region saying what other participants change, batched and at most
 * every two seconds. Each announcement is a new paragraph, so that the same words are said again.
 */
export function ChangeAnnouncer({ source, subscribe, names }: ChangeAnnouncerProps) {
  const { t } = useI18n();
  const [announcement, setAnnouncement] = useState<{ readonly text: string; readonly serial: number } | null>(null);
  const describe = useEffectEvent((pending: PendingChanges, lookup: ShapeLookup) => announcementFor(pending, lookup, t, names));

  useEffect(() => {
    const queue = new AnnouncementQueue({
      source,
      describe: (pending, lookup) => describe(pending, lookup),
      announce: (text) => setAnnouncement((previous) => ({ text, serial: (previous?.serial ?? 0) + 1 })),
    });
    const unsubscribe = subscribe((changed, deleted, local) => queue.report(changed, deleted, local));
    return () => {
      unsubscribe();
      queue.dispose();
    };
  }, [source, subscribe]);

  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="board-announcer">
      {announcement && <p key={announcement.serial}>{announcement.text}</p>}
    </div>
  );
}
