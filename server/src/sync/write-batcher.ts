/**
 * Group commit: every update enqueued during one event-loop tick, for any document, is written in
 * ONE storage transaction; batches commit one after the other, in order. What arrives while a
 * batch is being written waits for the next one, so a slow disk makes batches larger instead of
 * queueing one transaction per update.
 */
import type { DocumentStore } from '../storage/document-store.ts';

export interface WriteCallbacks {
  /** The entry is durable; `seq` is its log sequence number. */
  committed(seq: number): void;
  /** The batch holding this entry failed; nothing of it is stored. */
  failed(error: unknown): void;
}

interface PendingEntry {
  name: string;
  update: Uint8Array;
  callbacks: WriteCallbacks;
}

export class WriteBatcher {
  private open: PendingEntry[] = [];
  private scheduled = false;
  private writing: Promise<void> | null = null;

  constructor(private readonly store: DocumentStore) {}

  enqueue(name: string, update: Uint8Array, callbacks: WriteCallbacks): void {
    this.open.push({ name, update, callbacks });
    if (!this.scheduled && this.writing === null) {
      this.scheduled = true;
      setImmediate(() => this.startNext());
    }
  }

  /** Resolves once everything enqueued so far is committed (or failed). */
  async drain(): Promise<void> {
    while (this.writing !== null || this.open.length > 0 || this.scheduled) {
      if (this.writing) await this.writing;
      else await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private startNext(): void {
    this.scheduled = false;
    if (this.writing !== null || this.open.length === 0) return;
    const batch = this.open;
    this.open = [];
    this.writing = this.write(batch).finally(() => {
      this.writing = null;
      if (this.open.length > 0) this.startNext();
    });
  }

  private async write(batch: PendingEntry[]): Promise<void> {
    let seqs: number[];
    try {
      seqs = await this.store.append(batch.map(({ name, update }) => ({ name, update })));
    } catch (error) {
      for (const entry of batch) entry.callbacks.failed(error);
      return;
    }
    batch.forEach((entry, index) => entry.callbacks.committed(seqs[index] ?? 0));
  }
}
