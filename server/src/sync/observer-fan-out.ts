/**
 * The rooms have one `DocumentObserver`; the features that follow documents (versions, search)
 * share it through this fan-out. The room calls its observer in the middle of storing an update,
 * so a feature that throws is logged here and never stops the others or the room.
 */
import type { Logger } from '../log.ts';
import type { DocumentObserver } from './room.ts';

export function fanOut(observers: readonly DocumentObserver[], logger: Logger): DocumentObserver {
  const each = (event: 'onUpdate' | 'onEmptied', call: (observer: DocumentObserver) => void, doc: string) => {
    for (const observer of observers) {
      try {
        call(observer);
      } catch (error) {
        logger.error('sync', 'document observer failed', { event, doc, error: String(error) });
      }
    }
  };
  return {
    onUpdate: (name, origin) => each('onUpdate', (observer) => observer.onUpdate(name, origin), name),
    onEmptied: (name) => each('onEmptied', (observer) => observer.onEmptied(name), name),
  };
}
