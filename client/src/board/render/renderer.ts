/**
 * The board on two canvases. The base canvas shows the document through a tile cache: the world
 * is cut into tiles per power-of-two zoom level (`tile-grid.ts`), each rendered offscreen once and
 * then only blitted, so panning costs a few image copies whatever the number of shapes. A change
 * marks stale the tiles under the old and new painted boxes of what it touched (`render-model.ts`),
 * and only those are rendered again. Missing tiles are rendered nearest the centre first within a
 * time budget per frame (`tile-schedule.ts`); until then, a stale copy or a tile of another level
 * stands in. Zoomed out, shapes lose detail (`lod.ts`). The overlay canvas shows what moves with
 * the pointer (`overlay.ts`).
 *
 * Frames are drawn on demand: after a change of the camera, the document, a preview, a peer's
 * presence, or while tiles remain to render.
 */
import { pinPlace } from '@eprouvette/shared';
import type { CommentPin, PinMark } from '../comments/pin-marks.ts';
import type { ShapeSource } from '../engine/board-document.ts';
import { viewportCenter, screenToWorld, visibleWorld, worldToScreen, type Camera, type Viewport } from '../engine/camera.ts';
import type { Editor, EditorState } from '../engine/editor.ts';
import { boxesIntersect, type Box, type Point } from '../engine/geometry/math.ts';
import { previewTransform, type Preview } from '../engine/preview.ts';
import { selectionBounds } from '../engine/selection.ts';
import type { Shape } from '../engine/shape-model.ts';
import { compareZ } from '../engine/z-order.ts';
import { BOARD_CHROME } from '../palette.ts';
import { canvasMeasure } from '../text/text-measure.ts';
import { DotGrid } from './dot-grid.ts';
import { hiddenIds, previewedIds } from './hidden-shapes.ts';
import { ImageCache } from './image-cache.ts';
import { levelOfDetail, type Lod } from './lod.ts';
import { drawOverlay, isBlank, type OverlayScene, type PeerMarks } from './overlay.ts';
import { boxOf } from '../engine/geometry/shape-geometry.ts';
import type { RemotePeer } from './peer.ts';
import { PeerPreviews } from './peer-previews.ts';
import { paintedBounds, paintShapes } from './painters/index.ts';
import type { PaintEnv } from './painters/painter.ts';
import { RenderModel } from './render-model.ts';
import { renderWithinBudget } from './tile-schedule.ts';
import { TextLayouts } from './text-layout.ts';
import { TileCache, type Context2D, type TileSurface } from './tile-cache.ts';
import {
  growRange,
  levelZoom,
  rangeSize,
  standIns,
  tileBox,
  tileLevel,
  tilePixels,
  tileRange,
  tileScreenRect,
  tilesNearestFirst,
  type TileCoord,
} from './tile-grid.ts';

export interface BoardRendererOptions {
  readonly base: HTMLCanvasElement;
  readonly overlay: HTMLCanvasElement;
  readonly editor: Editor;
  /** The same shapes the editor reads. */
  readonly source: ShapeSource;
  /** Where an image asset is served. */
  readonly imageUrl: (asset: string) => string;
}

function createSurface(pixels: number): TileSurface {
  const canvas = new OffscreenCanvas(pixels, pixels);
  const context = canvas.getContext('2d');
  if (context === null) throw new Error('no 2D context for a board tile');
  return { canvas, context };
}

/** Painters never read a shape's z: a shape still being drawn has none yet. */
function drawable(shape: Omit<Shape, 'z'>): Shape {
  return { ...shape, z: '' } as Shape;
}

/** The shape being edited, drawn without the text the in-place editor shows over it. */
function withoutText(shape: Shape): Shape {
  if (shape.type === 'frame') return { ...shape, title: '' };
  return 'text' in shape ? { ...shape, text: '' } : shape;
}

/**
 * Tiles kept per tile of the view and its ring: room for the level zoomed from, as stand-ins. Less
 * than the view and its ring, and the ring would be dropped and rendered again at every frame.
 */
const KEPT_PER_TILE = 1.75;

export class BoardRenderer {
  private readonly base: HTMLCanvasElement;
  private readonly overlay: HTMLCanvasElement;
  private readonly baseContext: CanvasRenderingContext2D;
  private readonly overlayContext: CanvasRenderingContext2D;
  private readonly editor: Editor;
  private readonly source: ShapeSource;
  private readonly text = new TextLayouts(canvasMeasure());
  private readonly images: ImageCache;
  private readonly model: RenderModel;
  private readonly tiles: TileCache;
  private readonly grid = new DotGrid(BOARD_CHROME.background);
  private readonly peerPreviews = new PeerPreviews();
  private readonly documentLookup = (id: string) => this.source.get(id);
  private readonly unsubscribes: (() => void)[] = [];
  private readonly renderStateListeners = new Set<(complete: boolean) => void>();
  private readonly pinListeners = new Set<(marks: readonly PinMark[]) => void>();

  private dpr = 1;
  private peers: readonly RemotePeer[] = [];
  private voteCounts: ReadonlyMap<string, number> = new Map();
  private pins: readonly CommentPin[] = [];
  /** Where each pin was last drawn on its item: where it stays if the item is deleted. */
  private readonly pinsLastSeen = new Map<string, Point>();
  private editing: string | null = null;
  private readOnly = false;
  private hidden: { key: string; ids: ReadonlySet<string> } = { key: '', ids: new Set() };
  private drawn: { camera: Camera; viewport: Viewport; dpr: number } | null = null;
  private baseDirty = true;
  private overlayDirty = true;
  private complete = false;
  /** The overlay was last drawn with nothing on it. */
  private overlayBlank = false;
  /** Recent time to render a tile, in ms: a tile is begun only if it should end within the frame's budget. */
  private tileMs = 0;
  private requested = 0;
  private destroyed = false;

  constructor(options: BoardRendererOptions) {
    this.base = options.base;
    this.overlay = options.overlay;
    this.editor = options.editor;
    this.source = options.source;
    const baseContext = this.base.getContext('2d', { alpha: false });
    const overlayContext = this.overlay.getContext('2d');
    if (baseContext === null || overlayContext === null) throw new Error('no 2D context for the board');
    this.baseContext = baseContext;
    this.overlayContext = overlayContext;
    this.images = new ImageCache(options.imageUrl, (asset) => this.model.refresh(this.imageShapes(asset)));
    this.tiles = new TileCache(createSurface, tilePixels(this.dpr), 0);
    this.model = new RenderModel(this.source, (shape) => paintedBounds(shape, { lookup: this.documentLookup, text: this.text }), (areas) => {
      this.tiles.invalidate(areas);
      this.baseDirty = true;
      this.overlayDirty = true;
      this.schedule();
    });
    this.unsubscribes.push(
      this.editor.subscribe(() => {
        this.overlayDirty = true;
        this.schedule();
      }),
    );
    this.schedule();
  }

  /** Device pixels per CSS pixel of the screen the board is on. */
  setPixelRatio(dpr: number): void {
    if (dpr === this.dpr) return;
    this.dpr = dpr;
    this.tiles.reset(tilePixels(dpr));
    this.schedule();
  }

  setPeers(peers: readonly RemotePeer[]): void {
    this.peers = peers;
    this.overlayDirty = true;
    this.schedule();
  }

  /** The counts of a closed dot vote, per shape id, drawn as dots on the shapes. */
  setVoteCounts(counts: ReadonlyMap<string, number>): void {
    this.voteCounts = counts;
    this.overlayDirty = true;
    this.schedule();
  }

  /** Comment pins, drawn on their items (following them, mid-drag too) or on the canvas. */
  setCommentPins(pins: readonly CommentPin[]): void {
    this.pins = pins;
    this.overlayDirty = true;
    this.schedule();
  }

  /** Called with the pins as drawn, after every overlay frame that drew them. */
  onPinsDrawn(listener: (marks: readonly PinMark[]) => void): () => void {
    this.pinListeners.add(listener);
    return () => this.pinListeners.delete(listener);
  }

  /** The shape whose text the in-place editor shows, drawn here without its text. */
  setEditing(id: string | null): void {
    this.editing = id;
    this.overlayDirty = true;
    this.schedule();
  }

  /** Read-only: the selection shows no resize handles. */
  setReadOnly(readOnly: boolean): void {
    this.readOnly = readOnly;
    this.overlayDirty = true;
    this.schedule();
  }

  /** Called with true once every tile in view is up to date, and with false when that stops. */
  onRenderState(listener: (complete: boolean) => void): () => void {
    this.renderStateListeners.add(listener);
    listener(this.complete);
    return () => this.renderStateListeners.delete(listener);
  }

  destroy(): void {
    this.destroyed = true;
    if (this.requested !== 0) cancelAnimationFrame(this.requested);
    for (const unsubscribe of this.unsubscribes) unsubscribe();
    this.model.dispose();
    this.images.dispose();
    this.renderStateListeners.clear();
    this.pinListeners.clear();
  }

  private schedule(): void {
    if (this.requested === 0 && !this.destroyed) this.requested = requestAnimationFrame(this.frame);
  }

  private readonly frame = (): void => {
    this.requested = 0;
    const started = performance.now();
    const state = this.editor.getState();
    this.fitCanvases(state.viewport);
    const peerPreviews = this.peerPreviews.current(this.peers, (id) => this.model.revision(id));
    this.updateHidden([state.preview, ...peerPreviews]);

    const { camera, viewport } = state;
    const moved = this.drawn === null || this.drawn.camera !== camera || this.drawn.viewport !== viewport || this.drawn.dpr !== this.dpr;
    const lod = levelOfDetail(camera.zoom);
    const range = tileRange(visibleWorld(camera, viewport), tileLevel(camera.zoom));
    const centre = screenToWorld(camera, viewportCenter(viewport));
    const visible = tilesNearestFirst(range, centre);
    const ring = growRange(range, 1);
    this.tiles.capacity = Math.ceil(rangeSize(ring) * KEPT_PER_TILE);
    this.tiles.nextFrame();
    const { rendered, complete, ringPending } = renderWithinBudget(
      { visible, ring: tilesNearestFirst(ring, centre), moved, tileMs: this.tileMs },
      (coord) => this.tiles.state(coord, lod) === 'fresh',
      (coord) => this.renderTile(coord, lod),
      () => performance.now() - started,
    );

    if (moved || rendered > 0 || this.baseDirty) this.composite(visible, camera);
    if (moved || this.overlayDirty) this.drawOverlay(state, peerPreviews, lod);
    this.drawn = { camera, viewport, dpr: this.dpr };
    this.baseDirty = false;
    this.overlayDirty = false;
    this.tiles.evict();
    this.setComplete(complete);
    if (!complete || ringPending) this.schedule();
  };

  private fitCanvases(viewport: Viewport): void {
    const width = Math.round(viewport.width * this.dpr);
    const height = Math.round(viewport.height * this.dpr);
    if (this.base.width === width && this.base.height === height) return;
    for (const canvas of [this.base, this.overlay]) {
      canvas.width = width;
      canvas.height = height;
    }
    this.overlayBlank = true;
    this.baseDirty = true;
    this.overlayDirty = true;
  }

  /** Leaves out of the tiles what the overlay shows live; redraws the tiles under what changed side. */
  private updateHidden(previews: readonly (Preview | null)[]): void {
    const previewed = new Set(previews.flatMap(previewedIds));
    const key = `${[...previewed].sort().join(',')}|${this.editing ?? ''}`;
    if (key === this.hidden.key) return;
    const ids = hiddenIds(previewed, this.editing, this.model.all());
    const changed = [...ids].filter((id) => !this.hidden.ids.has(id)).concat([...this.hidden.ids].filter((id) => !ids.has(id)));
    this.hidden = { key, ids };
    this.tiles.invalidate(changed.flatMap((id) => this.model.bounds(id) ?? []));
    this.baseDirty = true;
  }

  private paintEnv(lod: Lod, scale: number, lookup: PaintEnv['lookup']): PaintEnv {
    return { lod, lookup, text: this.text, images: this.images, pixel: 1 / scale };
  }

  private renderTile(coord: TileCoord, lod: Lod): void {
    const began = performance.now();
    const box = tileBox(coord);
    const scale = levelZoom(coord.level) * this.dpr;
    const shapes = this.model
      .query(box)
      .filter((shape) => !this.hidden.ids.has(shape.id))
      .sort(compareZ);
    const env = this.paintEnv(lod, scale, this.documentLookup);
    this.tiles.render(
      coord,
      lod,
      shapes.length === 0
        ? null
        : (context) => {
            context.setTransform(scale, 0, 0, scale, -box.x * scale, -box.y * scale);
            paintShapes(context, shapes, env);
          },
    );
    this.tileMs = 0.8 * this.tileMs + 0.2 * (performance.now() - began);
  }

  private composite(visible: readonly TileCoord[], camera: Camera): void {
    const context = this.baseContext;
    const { width, height } = this.base;
    this.grid.draw(context, camera, width, height, this.dpr);
    for (const coord of visible) {
      const target = tileScreenRect(coord, camera, this.dpr);
      const own = this.tiles.use(coord);
      if (own === undefined) this.drawStandIn(context, coord, target);
      else if (own !== null) context.drawImage(own, target.x, target.y, target.w, target.h);
    }
  }

  /** A missing tile's place, from a coarser ancestor (behind) and whatever finer children exist (over it). */
  private drawStandIn(context: Context2D, coord: TileCoord, target: Box): void {
    const [children = [], ...ancestors] = standIns(coord);
    const pixels = tilePixels(this.dpr);
    const pieces = [ancestors.find(([piece]) => piece !== undefined && this.tiles.use(piece.source) !== undefined) ?? [], children].flat();
    for (const { source, from, to } of pieces) {
      const bitmap = this.tiles.use(source);
      if (bitmap === undefined || bitmap === null) continue;
      context.drawImage(
        bitmap,
        from.x * pixels,
        from.y * pixels,
        from.w * pixels,
        from.h * pixels,
        target.x + to.x * target.w,
        target.y + to.y * target.h,
        to.w * target.w,
        to.h * target.h,
      );
    }
  }

  private drawOverlay(state: EditorState, peerPreviews: readonly Preview[], lod: Lod): void {
    const { camera, viewport, preview } = state;
    // How each live shape looks: peers' gestures, then ours, over the document.
    const transforms = [...peerPreviews, preview].map(previewTransform);
    const displayed = (shape: Shape) => transforms.reduce((current, transform) => transform(current), shape);
    const live = new Map<string, Shape>();
    for (const id of this.hidden.ids) {
      const shape = this.source.get(id);
      if (shape === undefined) continue;
      live.set(id, id === this.editing ? withoutText(displayed(shape)) : displayed(shape));
    }
    const lookup = (id: string) => live.get(id) ?? this.source.get(id);
    const env = this.paintEnv(lod, camera.zoom * this.dpr, lookup);
    // Dragging or selecting everything must not cost a paint per shape off screen, every frame.
    const view = visibleWorld(camera, viewport);
    const inView = (shape: Shape) => boxesIntersect(paintedBounds(shape, env), view);
    const shown = (ids: Iterable<string>) => [...ids].flatMap((id) => lookup(id) ?? []).filter(inView);
    const selected = [...state.selection].flatMap((id) => lookup(id) ?? []);
    const unlocked = selected.filter((shape) => !shape.locked);
    const ghosts = [...peerPreviews, preview].flatMap((p) => (p?.kind === 'create' ? [drawable(p.shape)] : []));
    const peers: PeerMarks[] = this.peers.map((peer) => ({
      name: peer.name,
      color: peer.color,
      cursor: peer.cursor,
      selection: shown(peer.selection),
      marquee: peer.preview?.kind === 'marquee' ? peer.preview.rect : null,
    }));
    const scene: OverlayScene = {
      camera,
      width: viewport.width,
      height: viewport.height,
      dpr: this.dpr,
      live: [...live.values()].filter(inView).sort(compareZ),
      ghosts,
      selection: selected.filter(inView),
      handles: this.readOnly || unlocked.length === 0 ? null : selectionBounds(unlocked),
      marquee: preview?.kind === 'marquee' ? preview.rect : null,
      peers,
      badges: [...this.voteCounts].flatMap(([id, count]) => {
        const shape = lookup(id);
        if (shape === undefined || !inView(shape)) return [];
        const box = boxOf(shape);
        return [{ corner: { x: box.x + box.w, y: box.y }, count }];
      }),
      pins: this.pinMarks(camera, lookup),
      env,
    };
    const blank = isBlank(scene);
    if (!(blank && this.overlayBlank)) drawOverlay(this.overlayContext, scene);
    this.overlayBlank = blank;
    for (const listener of this.pinListeners) listener(scene.pins);
  }

  /** Each pin where its item is shown now (a dragged item carries its pins), else where it was last seen. */
  private pinMarks(camera: Camera, lookup: (id: string) => Shape | undefined): PinMark[] {
    return this.pins.map((pin) => {
      const { shapeId } = pin.anchor;
      const shape = shapeId === null ? undefined : lookup(shapeId);
      const place = pinPlace(pin.anchor, shape && boxOf(shape), this.pinsLastSeen.get(pin.id));
      if (shape !== undefined) this.pinsLastSeen.set(pin.id, place.point);
      return { ...pin, at: worldToScreen(camera, place.point), world: place.point, orphaned: place.orphaned };
    });
  }

  private imageShapes(asset: string): string[] {
    return [...this.model.all()].filter((shape) => shape.type === 'image' && shape.asset === asset).map((shape) => shape.id);
  }

  private setComplete(complete: boolean): void {
    if (complete === this.complete) return;
    this.complete = complete;
    for (const listener of this.renderStateListeners) listener(complete);
  }
}
