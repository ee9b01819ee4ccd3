/**
 * Everything that moves with the pointer, on a canvas of its own above the tiles, redrawn whole
 * when any of it changes: shapes being dragged or resized (ours and peers'), shapes being drawn,
 * selections with their handles, the marquee, peers' cursors and selections, the counts of a
 * closed dot vote, and comment pins.
 */
import { pinBubble, PIN_HEIGHT, type PinMark } from '../comments/pin-marks.ts';
import { worldToScreen, type Camera } from '../engine/camera.ts';
import { connectorEnds } from '../engine/geometry/connector.ts';
import { boxContainsPoint, expandBox, type Box, type Point } from '../engine/geometry/math.ts';
import { boxOf } from '../engine/geometry/shape-geometry.ts';
import { handlePositions } from '../engine/selection.ts';
import type { Shape } from '../engine/shape-model.ts';
import { paintShapes } from './painters/index.ts';
import type { PaintEnv } from './painters/painter.ts';
import { fontFor } from './painters/text-block.ts';
import type { Context2D } from './tile-cache.ts';

export interface PeerMarks {
  readonly name: string;
  readonly color: string;
  readonly cursor: Point | null;
  /** Their selected shapes as shown here. */
  readonly selection: readonly Shape[];
  readonly marquee: Box | null;
}

/** A vote count drawn as a dot on the top-right corner of a shape (world units). */
export interface VoteBadge {
  readonly corner: Point;
  readonly count: number;
}

export interface OverlayScene {
  readonly camera: Camera;
  /** CSS pixels of the canvas. */
  readonly width: number;
  readonly height: number;
  readonly dpr: number;
  /** Shapes shown live rather than from the tiles (dragged, resized, edited), bottom to top. */
  readonly live: readonly Shape[];
  /** Shapes being drawn, not in the document yet. */
  readonly ghosts: readonly Shape[];
  readonly selection: readonly Shape[];
  /** The box the resize handles sit on, or null when the selection cannot be resized. */
  readonly handles: Box | null;
  readonly marquee: Box | null;
  readonly peers: readonly PeerMarks[];
  readonly badges: readonly VoteBadge[];
  /** Comment pins, bottom to top. */
  readonly pins: readonly PinMark[];
  readonly env: PaintEnv;
}

/** The focus colour of the app (`--focus`), for our own selection. */
const SELECTION_COLOR = '#1f4fd1';
const LOCKED_COLOR = '#6b7a7d';
const HANDLE_SIZE = 8;
const GHOST_ALPHA = 0.75;
/** A cursor this close to a peer's selection (screen pixels) names it already. */
const TAG_NEAR_PX = 48;
/** Vote dots: the app's primary colour (white text on it passes AA), a fixed screen size. */
const BADGE_COLOR = '#0b5563';
const BADGE_RADIUS = 13;
/** Comment pins: white text on each fill passes AA; a pin whose item is gone is grey and dashed. */
const PIN_FILL = { open: '#b4451b', resolved: '#2e6b3a', orphaned: '#5f6b6d' } as const;

function screenBox(camera: Camera, box: Box): Box {
  const topLeft = worldToScreen(camera, box);
  return { x: topLeft.x, y: topLeft.y, w: box.w * camera.zoom, h: box.h * camera.zoom };
}

/** Outlines a shape: its line for a connector, its box for anything else. */
function outlineShape(context: Context2D, shape: Shape, scene: OverlayScene): void {
  const { camera } = scene;
  if (shape.type === 'connector') {
    const [start, end] = connectorEnds(shape, scene.env.lookup).map((point) => worldToScreen(camera, point));
    if (start === undefined || end === undefined) return;
    context.beginPath();
    context.moveTo(start.x, start.y);
    context.lineTo(end.x, end.y);
    context.stroke();
    return;
  }
  const box = screenBox(camera, boxOf(shape));
  context.strokeRect(box.x, box.y, box.w, box.h);
}

function drawSelection(context: Context2D, scene: OverlayScene): void {
  context.lineWidth = 1.5;
  for (const shape of scene.selection) {
    context.strokeStyle = shape.locked ? LOCKED_COLOR : SELECTION_COLOR;
    context.setLineDash(shape.locked ? [4, 3] : []);
    outlineShape(context, shape, scene);
  }
  context.setLineDash([]);
  if (scene.handles === null) return;
  const box = screenBox(scene.camera, scene.handles);
  if (scene.selection.length > 1) {
    context.strokeStyle = SELECTION_COLOR;
    context.strokeRect(box.x, box.y, box.w, box.h);
  }
  context.fillStyle = '#ffffff';
  context.strokeStyle = SELECTION_COLOR;
  for (const point of Object.values(handlePositions(box))) {
    context.fillRect(point.x - HANDLE_SIZE / 2, point.y - HANDLE_SIZE / 2, HANDLE_SIZE, HANDLE_SIZE);
    context.strokeRect(point.x - HANDLE_SIZE / 2, point.y - HANDLE_SIZE / 2, HANDLE_SIZE, HANDLE_SIZE);
  }
}

function drawMarquee(context: Context2D, camera: Camera, marquee: Box, color: string): void {
  const box = screenBox(camera, marquee);
  context.fillStyle = `${color}1f`;
  context.fillRect(box.x, box.y, box.w, box.h);
  context.strokeStyle = color;
  context.lineWidth = 1;
  context.strokeRect(box.x, box.y, box.w, box.h);
}

/** A name on a pill of the person's colour (white text on every participant colour is AA). */
function nameTag(context: Context2D, name: string, color: string, at: Point): void {
  context.font = fontFor(12, true);
  const width = context.measureText(name).width + 12;
  context.fillStyle = color;
  context.beginPath();
  context.roundRect(at.x, at.y, width, 20, 10);
  context.fill();
  context.fillStyle = '#ffffff';
  context.textAlign = 'left';
  context.textBaseline = 'middle';
  context.fillText(name, at.x + 6, at.y + 10.5);
}

/** A pointer arrow with the person's name beside it. */
function drawCursor(context: Context2D, at: Point, name: string, color: string): void {
  context.beginPath();
  context.moveTo(at.x, at.y);
  context.lineTo(at.x, at.y + 17);
  context.lineTo(at.x + 4.5, at.y + 12.5);
  context.lineTo(at.x + 11.5, at.y + 12.5);
  context.closePath();
  context.fillStyle = color;
  context.fill();
  context.strokeStyle = '#ffffff';
  context.lineWidth = 1.5;
  context.stroke();
  nameTag(context, name, color, { x: at.x + 10, y: at.y + 16 });
}

function drawPeers(context: Context2D, scene: OverlayScene): void {
  for (const peer of scene.peers) {
    context.strokeStyle = peer.color;
    context.lineWidth = 2;
    for (const shape of peer.selection) outlineShape(context, shape, scene);
    // Named beside their selection, unless their cursor already names them there.
    const first = peer.selection[0];
    const nearCursor = first !== undefined && peer.cursor !== null && boxContainsPoint(expandBox(boxOf(first), TAG_NEAR_PX / scene.camera.zoom), peer.cursor);
    if (first !== undefined && first.type !== 'connector' && !nearCursor) {
      const box = screenBox(scene.camera, boxOf(first));
      nameTag(context, peer.name, peer.color, { x: box.x, y: box.y - 22 });
    }
    if (peer.marquee !== null) drawMarquee(context, scene.camera, peer.marquee, peer.color);
  }
  for (const peer of scene.peers) {
    if (peer.cursor !== null) drawCursor(context, worldToScreen(scene.camera, peer.cursor), peer.name, peer.color);
  }
}

function drawBadges(context: Context2D, scene: OverlayScene): void {
  context.font = fontFor(13, true);
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  for (const badge of scene.badges) {
    const at = worldToScreen(scene.camera, badge.corner);
    context.beginPath();
    context.arc(at.x, at.y, BADGE_RADIUS, 0, Math.PI * 2);
    context.fillStyle = BADGE_COLOR;
    context.fill();
    context.strokeStyle = '#ffffff';
    context.lineWidth = 2;
    context.stroke();
    context.fillStyle = '#ffffff';
    context.fillText(String(badge.count), at.x, at.y + 0.5);
  }
  context.textAlign = 'start';
  context.textBaseline = 'alphabetic';
}

/** A speech bubble with its number, its tail on the pinned place; the active pin ringed in the focus colour. */
function drawPins(context: Context2D, pins: readonly PinMark[]): void {
  context.font = fontFor(12, true);
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  for (const pin of pins) {
    const box = pinBubble(pin.at, pin.label);
    const bottom = box.y + box.h;
    context.beginPath();
    context.roundRect(box.x, box.y, box.w, box.h, 6);
    context.moveTo(box.x + 4, bottom);
    context.lineTo(pin.at.x, pin.at.y);
    context.lineTo(box.x + 13, bottom);
    context.closePath();
    context.fillStyle = pin.orphaned ? PIN_FILL.orphaned : pin.resolved ? PIN_FILL.resolved : PIN_FILL.open;
    context.fill();
    context.setLineDash(pin.orphaned ? [3, 2] : []);
    context.strokeStyle = pin.active ? SELECTION_COLOR : '#ffffff';
    context.lineWidth = pin.active ? 3 : 1.5;
    context.stroke();
    context.setLineDash([]);
    context.fillStyle = '#ffffff';
    context.fillText(pin.label, box.x + box.w / 2, box.y + PIN_HEIGHT / 2 + 0.5);
  }
  context.textAlign = 'start';
  context.textBaseline = 'alphabetic';
}

/** Nothing to draw: the overlay, once cleared, need not be touched (nor composited again by the browser). */
export function isBlank(scene: OverlayScene): boolean {
  const peerMarks = scene.peers.some((peer) => peer.cursor !== null || peer.selection.length > 0 || peer.marquee !== null);
  const marks = scene.badges.length > 0 || scene.pins.length > 0;
  return scene.live.length === 0 && scene.ghosts.length === 0 && scene.selection.length === 0 && scene.marquee === null && !marks && !peerMarks;
}

export function drawOverlay(context: Context2D, scene: OverlayScene): void {
  const { camera, dpr } = scene;
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.clearRect(0, 0, scene.width * dpr, scene.height * dpr);
  if (scene.live.length > 0 || scene.ghosts.length > 0) {
    const scale = camera.zoom * dpr;
    context.setTransform(scale, 0, 0, scale, -camera.x * scale, -camera.y * scale);
    paintShapes(context, scene.live, scene.env);
    context.globalAlpha = GHOST_ALPHA;
    paintShapes(context, scene.ghosts, scene.env);
    context.globalAlpha = 1;
  }
  context.setTransform(dpr, 0, 0, dpr, 0, 0);
  drawPeers(context, scene);
  drawSelection(context, scene);
  // Over selections and handles: the count stays readable on a selected shape.
  drawBadges(context, scene);
  drawPins(context, scene.pins);
  if (scene.marquee !== null) drawMarquee(context, camera, scene.marquee, SELECTION_COLOR);
}
