/** DOM input events as the engine reads them. */
import type { Point } from '../engine/geometry/math.ts';
import type { KeyInput } from '../engine/shortcuts.ts';
import type { Modifiers } from '../engine/tools/tool.ts';

interface ModifierKeys {
  readonly shiftKey: boolean;
  readonly altKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
}

export function modifiersOf(event: ModifierKeys): Modifiers {
  return { shift: event.shiftKey, alt: event.altKey, mod: event.ctrlKey || event.metaKey };
}

/** Where the keys typed belong to a field (the in-place editor, a form), not to the board. */
export function isTextField(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

export function keyInputOf(event: KeyboardEvent): KeyInput {
  return { key: event.key, code: event.code, ...modifiersOf(event), inTextField: isTextField(event.target) };
}

/** WheelEvent.deltaMode: pixels, lines or pages. */
const DOM_DELTA_LINE = 1;
const DOM_DELTA_PAGE = 2;
/** The pixels of a wheel "line", as browsers that report lines scroll by. */
const LINE_PX = 16;

/** A wheel delta in pixels, whatever unit the device reported it in. */
export function wheelPixels(delta: number, deltaMode: number, pageSize: number): number {
  if (deltaMode === DOM_DELTA_LINE) return delta * LINE_PX;
  if (deltaMode === DOM_DELTA_PAGE) return delta * pageSize;
  return delta;
}

/** A second press this soon and this close to the first is a double-click. */
const DOUBLE_CLICK_MS = 500;
const DOUBLE_CLICK_PX = 6;

/**
 * Counts presses in a series (`PointerEvent.detail` is not set on pointerdown by every browser):
 * 1 for a click, 2 for the second of a double-click, and so on.
 */
export class ClickCounter {
  private last: { time: number; at: Point; count: number } | null = null;

  press(time: number, at: Point): number {
    const last = this.last;
    const count = last !== null && time - last.time <= DOUBLE_CLICK_MS && Math.hypot(at.x - last.at.x, at.y - last.at.y) <= DOUBLE_CLICK_PX ? last.count + 1 : 1;
    this.last = { time, at, count };
    return count;
  }
}
