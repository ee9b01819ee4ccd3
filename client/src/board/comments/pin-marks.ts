/**
 * Comment pins on the canvas: which threads show one and with what number, the speech bubble each
 * is drawn as (a fixed screen size, its tail pointing at the pinned place) and which pin a click
 * lands on. Pure: the renderer draws from it and the canvas hit-tests with it, so what is clickable
 * is exactly what is drawn.
 */
import type { BoardAnchor, CommentThread } from '@eprouvette/shared';
import { boxContainsPoint, expandBox, type Box, type Point } from '../engine/geometry/math.ts';

/** A pin the page asks the renderer to draw. */
export interface CommentPin {
  readonly id: string;
  /** The pin's number (« 3 »), or « + » for the comment being written. */
  readonly label: string;
  readonly anchor: BoardAnchor;
  readonly resolved: boolean;
  readonly active: boolean;
}

/** A pin as drawn in the last frame. */
export interface PinMark extends CommentPin {
  /** Screen point the tail points at. */
  readonly at: Point;
  /** The same point in world units. */
  readonly world: Point;
  /** Its item is gone: drawn greyed where it was last seen. */
  readonly orphaned: boolean;
}

/** The id of the pin of the comment being written. */
export const DRAFT_PIN_ID = 'draft';

export const PIN_HEIGHT = 22;
export const PIN_TAIL = 8;
const PIN_PADDING = 7;
const DIGIT_WIDTH = 8;
/** A click this close to a bubble (screen pixels) still opens it: pins are small targets. */
const PIN_REACH = 3;

/** Each thread's pin number: its rank among the board's threads, oldest first, so numbers never change. */
export function pinNumbers(threads: readonly CommentThread[]): Map<string, number> {
  return new Map(threads.filter((thread) => thread.anchor.kind === 'board').map((thread, index) => [thread.id, index + 1]));
}

/**
 * The pins to draw: every open thread's, and the active thread's even when resolved (so that « Voir »
 * shows it), the active one last so that it is on top; the draft's over everything.
 */
export function commentPins(threads: readonly CommentThread[], activeId: string | null, draft: BoardAnchor | null): CommentPin[] {
  const numbers = pinNumbers(threads);
  const pins: CommentPin[] = threads.flatMap((thread) =>
    thread.anchor.kind === 'board' && (thread.resolved === null || thread.id === activeId)
      ? [{ id: thread.id, label: String(numbers.get(thread.id)), anchor: thread.anchor, resolved: thread.resolved !== null, active: thread.id === activeId }]
      : [],
  );
  pins.sort((a, b) => Number(a.active) - Number(b.active));
  if (draft !== null) pins.push({ id: DRAFT_PIN_ID, label: '+', anchor: draft, resolved: false, active: true });
  return pins;
}

/** The bubble of a pin whose tail points at `at` (screen): above it and to its right. */
export function pinBubble(at: Point, label: string): Box {
  const w = Math.max(PIN_HEIGHT, 2 * PIN_PADDING + DIGIT_WIDTH * label.length);
  return { x: at.x - 2, y: at.y - PIN_TAIL - PIN_HEIGHT, w, h: PIN_HEIGHT };
}

/** The pin a click at `screen` opens: the topmost (drawn last) whose bubble or tail it touches. */
export function pinAt(marks: readonly PinMark[], screen: Point): PinMark | null {
  for (let index = marks.length - 1; index >= 0; index -= 1) {
    const mark = marks[index]!;
    const bubble = pinBubble(mark.at, mark.label);
    const withTail = { ...bubble, h: bubble.h + PIN_TAIL };
    if (boxContainsPoint(expandBox(withTail, PIN_REACH), screen)) return mark;
  }
  return null;
}

/** Room the composer beside a pin takes, in CSS pixels (its height is a bound: the box grows with the text). */
export const COMPOSER_SIZE = { w: 320, h: 250 } as const;
const COMPOSER_GAP = 10;

/**
 * Where the composer of a new comment goes on the canvas: below and to the right of its pin, moved
 * left or above it when that would leave the canvas, never out of its top-left corner.
 */
export function composerPlacement(at: Point, viewport: { readonly width: number; readonly height: number }): Point {
  const fitsBelow = at.y + COMPOSER_GAP + COMPOSER_SIZE.h <= viewport.height;
  const x = Math.min(at.x + COMPOSER_GAP, viewport.width - COMPOSER_SIZE.w - COMPOSER_GAP);
  const y = fitsBelow ? at.y + COMPOSER_GAP : at.y - PIN_TAIL - PIN_HEIGHT - COMPOSER_GAP - COMPOSER_SIZE.h;
  return { x: Math.max(COMPOSER_GAP, x), y: Math.max(COMPOSER_GAP, y) };
}
