import { describe, expect, it } from 'vitest';
import type { BoardAnchor, CommentThread } from '@eprouvette/shared';
import { commentPins, composerPlacement, COMPOSER_SIZE, DRAFT_PIN_ID, pinAt, pinBubble, pinNumbers, type PinMark } from './pin-marks.ts';

const SOPHIE = { id: 'sophiesophie2345', name: 'Sophie Delattre' };
const onCanvas: BoardAnchor = { kind: 'board', shapeId: null, point: { x: 10, y: 20 } };

function thread(id: string, overrides: Partial<CommentThread> = {}): CommentThread {
  return {
    id,
    anchor: onCanvas,
    createdBy: SOPHIE,
    createdAt: '2026-03-02T10:00:00.000Z',
    resolved: null,
    messages: [{ id: `${id}message`, author: SOPHIE, text: 'Texte', mentions: [], createdAt: '2026-03-02T10:00:00.000Z' }],
    ...overrides,
  };
}

const resolved = { by: SOPHIE, at: '2026-03-02T11:00:00.000Z' };
const threads = [thread('un'), thread('deux', { resolved }), thread('trois'), thread('quatre')];

function mark(id: string, label: string, at: { x: number; y: number }): PinMark {
  return { id, label, anchor: onCanvas, resolved: false, active: false, at, world: at, orphaned: false };
}

describe('comment pins', () => {
  it('are numbered in the order threads were opened, resolved ones included, so numbers never move', () => {
    expect([...pinNumbers(threads)]).toEqual([
      ['un', 1],
      ['deux', 2],
      ['trois', 3],
      ['quatre', 4],
    ]);
  });

  it('show open threads, a resolved one only while it is open in the panel, the active one on top and the draft above all', () => {
    expect(commentPins(threads, null, null).map((pin) => pin.label)).toEqual(['1', '3', '4']);
    const withActive = commentPins(threads, 'deux', null);
    expect(withActive.map((pin) => [pin.label, pin.active, pin.resolved])).toEqual([
      ['1', false, false],
      ['3', false, false],
      ['4', false, false],
      ['2', true, true],
    ]);
    const draft: BoardAnchor = { kind: 'board', shapeId: null, point: { x: 0, y: 0 } };
    expect(commentPins(threads, 'un', draft).map((pin) => pin.id)).toEqual(['trois', 'quatre', 'un', DRAFT_PIN_ID]);
  });

  it('are bubbles above and right of their place, wider for longer numbers', () => {
    expect(pinBubble({ x: 100, y: 100 }, '3')).toEqual({ x: 98, y: 70, w: 22, h: 22 });
    expect(pinBubble({ x: 100, y: 100 }, '128').w).toBe(38);
  });

  it('are found under a click on their bubble or tail, the one drawn last first', () => {
    const marks = [mark('dessous', '1', { x: 100, y: 100 }), mark('dessus', '2', { x: 110, y: 100 })];
    expect(pinAt(marks, { x: 112, y: 80 })?.id).toBe('dessus');
    expect(pinAt(marks, { x: 99, y: 80 })?.id).toBe('dessous');
    expect(pinAt(marks, { x: 101, y: 99 })?.id).toBe('dessous');
    expect(pinAt(marks, { x: 100, y: 140 })).toBeNull();
    expect(pinAt([], { x: 0, y: 0 })).toBeNull();
  });
});

describe('the composer beside a pin', () => {
  const viewport = { width: 1000, height: 700 };
  it('goes below and right of the pin, or left and above it near the edges, never out of the canvas', () => {
    expect(composerPlacement({ x: 100, y: 100 }, viewport)).toEqual({ x: 110, y: 110 });
    expect(composerPlacement({ x: 950, y: 100 }, viewport).x).toBe(1000 - COMPOSER_SIZE.w - 10);
    expect(composerPlacement({ x: 100, y: 600 }, viewport).y).toBe(600 - 8 - 22 - 10 - COMPOSER_SIZE.h);
    expect(composerPlacement({ x: -50, y: -50 }, { width: 200, height: 100 })).toEqual({ x: 10, y: 10 });
  });
});
