import type { ShapeSource } from '../engine/board-document.ts';
import type { ShapeLookup } from '../engine/geometry/shape-geometry.ts';
import type { Shape } from '../engine/shape-model.ts';
import {
  announcementDelay,
  hasChanges,
  isQuietRepeat,
  NO_CHANGES,
  recordRemoteChanges,
  type LastAnnouncement,
  type PendingChanges,
} from './change-announcer.ts';

export interface AnnouncementQueueOptions {
  /** Read after each change has been applied to it. */
  readonly source: Pick<ShapeSource, 'get' | 'all'>;
  /** The sentences for a batch, in the current language, or null (see `announcementFor`). */
  readonly describe: (pending: PendingChanges, lookup: ShapeLookup) => string | null;
  readonly announce: (text: string) => void;
}

/**
 * Collects change sets and hands out at most one announcement every `MIN_INTERVAL_MS`. It mirrors
 * the board, since a change set names shapes but a deleted one can no longer be read.
 */
export class AnnouncementQueue {
  private readonly known: Map<string, Shape>;
  private pending: PendingChanges = NO_CHANGES;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private spokenAt = -Infinity;
  private last: LastAnnouncement | null = null;

  constructor(private readonly options: AnnouncementQueueOptions) {
    this.known = new Map([...options.source.all()].map((shape) => [shape.id, shape]));
  }

  /** Every change set, one's own included: they are not announced, but the mirror must follow them. */
  report(changed: readonly string[], deleted: readonly string[], local: boolean): void {
    if (!local) this.pending = recordRemoteChanges(this.pending, this.known, changed, deleted);
    for (const id of deleted) this.known.delete(id);
    for (const id of changed) {
      const shape = this.options.source.get(id);
      if (shape === undefined) this.known.delete(id);
      else this.known.set(id, shape);
    }
    if (this.timer === undefined && hasChanges(this.pending)) {
      this.timer = setTimeout(() => this.flush(), announcementDelay(Date.now(), this.spokenAt));
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = NO_CHANGES;
  }

  private flush(): void {
    this.timer = undefined;
    const now = Date.now();
    const batch = this.pending;
    this.pending = NO_CHANGES;
    if (this.last !== null && isQuietRepeat(batch, this.last, now)) {
      this.last = { ...this.last, at: now };
      return;
    }
    const text = this.options.describe(batch, (id) => this.options.source.get(id));
    if (text === null) return;
    this.spokenAt = now;
    // A note just announced as added is typed into next: that too is said already.
    this.last = { at: now, modified: new Set([...batch.added, ...batch.modified]) };
    this.options.announce(text);
  }
}
