import { describe, expect, it } from 'vitest';
import { memoryLogger } from '../log.ts';
import { fanOut } from './observer-fan-out.ts';
import type { DocumentObserver } from './room.ts';

function recording(calls: string[], tag: string): DocumentObserver {
  return {
    onUpdate: (name, origin) => calls.push(`${tag} update ${name} ${String(origin)}`),
    onEmptied: (name) => calls.push(`${tag} emptied ${name}`),
  };
}

describe('fanOut', () => {
  it('tells every observer, in order', () => {
    const calls: string[] = [];
    const observer = fanOut([recording(calls, 'versions'), recording(calls, 'search')], memoryLogger());
    observer.onUpdate('doc', 'peer');
    observer.onEmptied('doc');
    expect(calls).toEqual(['versions update doc peer', 'search update doc peer', 'versions emptied doc', 'search emptied doc']);
  });

  it('logs an observer that throws and still tells the others, without throwing to the room', () => {
    const calls: string[] = [];
    const logger = memoryLogger();
    const failing: DocumentObserver = {
      onUpdate: () => {
        throw new Error('boom');
      },
      onEmptied: () => {
        throw new Error('boom');
      },
    };
    const observer = fanOut([failing, recording(calls, 'search')], logger);
    expect(() => observer.onUpdate('doc', null)).not.toThrow();
    expect(() => observer.onEmptied('doc')).not.toThrow();
    expect(calls).toEqual(['search update doc null', 'search emptied doc']);
    expect(logger.lines.filter((line) => line.includes('document observer failed') && line.includes('boom'))).toHaveLength(2);
  });
});
