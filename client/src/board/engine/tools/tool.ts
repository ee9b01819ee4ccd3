import type { StickyColor } from '@eprouvette/shared';
import type { BoardCommands } from '../board-document.ts';
import { distance, type Point } from '../geometry/math.ts';
import type { Preview } from '../preview.ts';
import type { Scene } from '../scene.ts';
import type { Selection } from '../selection.ts';
import type { KeyInput } from '../shortcuts.ts';

export type ToolId = 'select' | 'hand' | 'sticky' | 'text' | 'rect' | 'ellipse' | 'diamond' | 'arrow' | 'pen' | 'frame' | 'comment';

export interface Modifiers {
  readonly shift: boolean;
  readonly alt: boolean;
  /** Ctrl, or ⌘ on Apple keyboards. */
  readonly mod: boolean;
}

/** A pointer event as tools see it: already in world units, with the screen position for thresholds. */
export interface ToolPointer {
  readonly world: Point;
  readonly screen: Point;
  /** 0 primary, 1 middle, 2 secondary, as in DOM pointer events. */
  readonly button: number;
  readonly modifiers: Modifiers;
  /** 2 on the second press of a double-click (`PointerEvent.detail`). */
  readonly clickCount: number;
  /** Pen pressure 0–1; 0.5 for devices that report none. */
  readonly pressure: number;
}

/**
 * Something only the UI can do, asked for by a tool: edit a shape's text in place, or open a comment
 * composer on a shape (or on the canvas, `shapeId` null) at a world point.
 */
export type Intent =
  | { readonly kind: 'edit-text'; readonly id: string }
  | { readonly kind: 'comment'; readonly shapeId: string | null; readonly point: Point };

/** What tools may read and do; the editor provides it. */
export interface ToolContext {
  readonly scene: Scene;
  readonly commands: BoardCommands;
  /** User id written as the author of new shapes. */
  readonly author: string;
  newId(): string;
  /** The colour picked for new sticky notes. */
  stickyColor(): StickyColor;
  zoom(): number;
  selection(): Selection;
  setSelection(selection: Selection): void;
  /** Moves the view by screen pixels. */
  panBy(dx: number, dy: number): void;
  setPreview(preview: Preview | null): void;
  setTool(id: ToolId): void;
  emit(intent: Intent): void;
}

/**
 * One tool: a small state machine fed pointer and key events. During a gesture it shows a preview;
 * on completion it writes through `commands`, once per gesture.
 */
export interface Tool {
  readonly id: ToolId;
  onPointerDown(event: ToolPointer): void;
  onPointerMove(event: ToolPointer): void;
  onPointerUp(event: ToolPointer): void;
  /** A key no shortcut took; true when the tool used it. */
  onKeyDown(input: KeyInput): boolean;
  /** Esc: drops the gesture under way without writing anything; true if there was one. */
  onCancel(): boolean;
}

/** A press that moves less than this many screen pixels is a click, not a drag (hands tremble). */
export const DRAG_THRESHOLD_PX = 3;
/** How far from a shape's outline a click still hits it, in screen pixels. */
export const HIT_TOLERANCE_PX = 4;
/** Reach of a resize handle around its centre, in screen pixels. */
export const HANDLE_RADIUS_PX = 8;

export function isDrag(down: ToolPointer, now: ToolPointer): boolean {
  return distance(down.screen, now.screen) > DRAG_THRESHOLD_PX;
}

/** Screen-pixel reaches become smaller world distances as the user zooms in. */
export function worldTolerance(context: ToolContext, pixels = HIT_TOLERANCE_PX): number {
  return pixels / context.zoom();
}
