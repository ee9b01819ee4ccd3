import type { Box, Point } from './geometry/math.ts';

/**
 * The view onto the board: `x, y` is the world point at the viewport's top-left corner and `zoom`
 * the number of screen pixels per world unit. Cameras are values; every change returns a new one.
 */
export interface Camera {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

/** The viewport's size in screen pixels. */
export interface Viewport {
  readonly width: number;
  readonly height: number;
}

export const MIN_ZOOM = 0.02;
export const MAX_ZOOM = 8;
/** The levels + and − step through, so that repeated presses land on round percentages. */
export const ZOOM_STEPS: readonly number[] = [0.02, 0.05, 0.1, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 3, 4, 6, 8];
/** Margin left around what zoom-to-fit shows, in screen pixels. */
export const FIT_PADDING = 64;

export const DEFAULT_CAMERA: Camera = { x: 0, y: 0, zoom: 1 };

export function clampZoom(zoom: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
}

export function worldToScreen(camera: Camera, p: Point): Point {
  return { x: (p.x - camera.x) * camera.zoom, y: (p.y - camera.y) * camera.zoom };
}

export function screenToWorld(camera: Camera, p: Point): Point {
  return { x: p.x / camera.zoom + camera.x, y: p.y / camera.zoom + camera.y };
}

/** The world rectangle the viewport shows. */
export function visibleWorld(camera: Camera, viewport: Viewport): Box {
  return { x: camera.x, y: camera.y, w: viewport.width / camera.zoom, h: viewport.height / camera.zoom };
}

/** Moves the content by `dx, dy` screen pixels, as a hand drag does. */
export function panBy(camera: Camera, dx: number, dy: number): Camera {
  return { ...camera, x: camera.x - dx / camera.zoom, y: camera.y - dy / camera.zoom };
}

/** Zooms keeping the world point under `screenPoint` where it is (the cursor, a pinch's centre). */
export function zoomAt(camera: Camera, zoom: number, screenPoint: Point): Camera {
  const anchor = screenToWorld(camera, screenPoint);
  const next = clampZoom(zoom);
  return { x: anchor.x - screenPoint.x / next, y: anchor.y - screenPoint.y / next, zoom: next };
}

// A zoom within this ratio of a step counts as on it, so 0.9999 steps to 1.25, not to 1.
const STEP_EPSILON = 1e-6;

export function nextZoomStep(zoom: number): number {
  return ZOOM_STEPS.find((step) => step > zoom * (1 + STEP_EPSILON)) ?? MAX_ZOOM;
}

export function previousZoomStep(zoom: number): number {
  return [...ZOOM_STEPS].reverse().find((step) => step < zoom * (1 - STEP_EPSILON)) ?? MIN_ZOOM;
}

export function viewportCenter(viewport: Viewport): Point {
  return { x: viewport.width / 2, y: viewport.height / 2 };
}

export function zoomIn(camera: Camera, viewport: Viewport): Camera {
  return zoomAt(camera, nextZoomStep(camera.zoom), viewportCenter(viewport));
}

export function zoomOut(camera: Camera, viewport: Viewport): Camera {
  return zoomAt(camera, previousZoomStep(camera.zoom), viewportCenter(viewport));
}

/**
 * Centres `bounds` with `FIT_PADDING` around it. Never magnifies past 100 %: fitting a single
 * sticky should show it at its real size, not fill the screen with it.
 */
export function fitBounds(bounds: Box, viewport: Viewport): Camera {
  const room = (size: number) => Math.max(1, size - 2 * FIT_PADDING);
  const fit = Math.min(bounds.w > 0 ? room(viewport.width) / bounds.w : Infinity, bounds.h > 0 ? room(viewport.height) / bounds.h : Infinity);
  const zoom = clampZoom(Math.min(1, fit));
  return {
    x: bounds.x + bounds.w / 2 - viewport.width / 2 / zoom,
    y: bounds.y + bounds.h / 2 - viewport.height / 2 / zoom,
    zoom,
  };
}

/** A wheel event as the browser reports it, deltas in pixels (the app converts line deltas). */
export interface WheelInput {
  readonly screen: Point;
  readonly deltaX: number;
  readonly deltaY: number;
  /** Ctrl or ⌘ held; trackpad pinches also arrive as wheel events with Ctrl set. */
  readonly mod: boolean;
  readonly shift: boolean;
}

/** How fast Ctrl+wheel zooms: a 100 px wheel notch scales by e^0.2 ≈ 1.22. */
const WHEEL_ZOOM_SPEED = 0.002;

/** Ctrl/⌘+wheel and pinch zoom around the cursor; a plain wheel or two-finger swipe pans. */
export function applyWheel(camera: Camera, wheel: WheelInput): Camera {
  if (wheel.mod) return zoomAt(camera, camera.zoom * Math.exp(-wheel.deltaY * WHEEL_ZOOM_SPEED), wheel.screen);
  // A mouse wheel only scrolls vertically; Shift turns it sideways, as in every scrolling view.
  if (wheel.shift && wheel.deltaX === 0) return panBy(camera, -wheel.deltaY, 0);
  return panBy(camera, -wheel.deltaX, -wheel.deltaY);
}
