import { ID_BYTES, idFromRandomBytes, type StickyColor } from '@eprouvette/shared';
import type { BoardCommands, BoardHistory, ReorderDirection, ShapePatch, ShapeSource } from './board-document.ts';
import {
  applyWheel,
  clampZoom,
  viewportCenter,
  DEFAULT_CAMERA,
  fitBounds,
  panBy,
  screenToWorld,
  visibleWorld,
  zoomAt,
  zoomIn,
  zoomOut,
  type Camera,
  type Viewport,
  type WheelInput,
} from './camera.ts';
import { movableIds, withFrameContents } from './frame-membership.ts';
import { boxContainsBox, expandBox, unionOfBoxes, type Box, type Direction, type Point } from './geometry/math.ts';
import { shapeBounds } from './geometry/registry.ts';
import { shapesAt } from './hit-test.ts';
import { firstInReadingOrder, nextInDirection } from './keyboard-focus.ts';
import { previewTransform, type Preview } from './preview.ts';
import { Scene } from './scene.ts';
import { EMPTY_SELECTION, sameSelection, selectionBounds, withoutIds, type Selection } from './selection.ts';
import type { Shape } from './shape-model.ts';
import { shortcutFor, type KeyInput, type ShortcutAction } from './shortcuts.ts';
import { createArrowTool } from './tools/arrow.ts';
import { createCommentTool } from './tools/comment.ts';
import { createFrameTool } from './tools/frame.ts';
import { createHandTool } from './tools/hand.ts';
import { createPenTool } from './tools/pen.ts';
import { createSelectTool } from './tools/select.ts';
import { createShapeTool } from './tools/shape.ts';
import { createStickyTool } from './tools/sticky.ts';
import { createTextTool } from './tools/text.ts';
import { HIT_TOLERANCE_PX, type Intent, type Modifiers, type Tool, type ToolContext, type ToolId, type ToolPointer } from './tools/tool.ts';
import {
  alignPatches,
  carryFrameContents,
  distributePatches,
  duplicateShapes,
  nudgeDelta,
  type Alignment,
  type DistributeAxis,
} from './transform.ts';
import { compareZ } from './z-order.ts';

export interface EditorOptions {
  readonly source: ShapeSource;
  readonly commands: BoardCommands;
  readonly history: BoardHistory;
  /** The local user's id, written as the author of new shapes. */
  readonly author: string;
  /** Ids for new shapes; random 16-character ids by default. */
  readonly newId?: () => string;
  readonly viewport?: Viewport;
}

/** Everything the renderer draws from besides the shapes; a new object on every change. */
export interface EditorState {
  readonly camera: Camera;
  readonly viewport: Viewport;
  readonly selection: Selection;
  readonly tool: ToolId;
  readonly preview: Preview | null;
  /** Space is held or the view is being dragged: the cursor shows a hand. */
  readonly panning: boolean;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  /** The colour of the next sticky note: the last one picked, as in the boards people know. */
  readonly stickyColor: StickyColor;
  /** Increases on every document change, so the renderer knows to fetch shapes again. */
  readonly revision: number;
}

/** A pointer event from the app; `screen` is relative to the viewport's top-left corner. */
export interface EditorPointerInput {
  readonly screen: Point;
  readonly button: number;
  readonly modifiers: Modifiers;
  readonly clickCount?: number;
  readonly pressure?: number;
}

/** What the editor asks of the app: in-place text editing, and clipboard access (the app's, not ours). */
export type EditorIntent = Intent | { readonly kind: 'clipboard'; readonly action: 'copy' | 'cut' | 'paste' };

/** Culling keeps shapes this many screen pixels beyond the viewport, so panning does not show them pop in. */
const CULL_MARGIN_PX = 100;

/** How far a duplicate lands from its original, in screen pixels, so it shows at any zoom. */
const DUPLICATE_OFFSET_PX = 20;

const randomId = () => idFromRandomBytes(crypto.getRandomValues(new Uint8Array(ID_BYTES)));

/**
 * The board engine, without the DOM: camera, selection, tools, spatial index and live preview.
 * The UI feeds it input events and calls its commands; the renderer subscribes to its state and
 * draws `visibleShapes()`. Writes go through `BoardCommands`, undo through `BoardHistory`.
 */
export class Editor {
  private state: EditorState;
  private readonly scene: Scene;
  private readonly commands: BoardCommands;
  private readonly history: BoardHistory;
  private readonly newId: () => string;
  private readonly tools: Readonly<Record<ToolId, Tool>>;
  /** The hand lent for space+drag and middle-button drags, whatever the current tool. */
  private readonly panTool: Tool;
  /** The tool that received the pointer press under way, which receives its moves and release. */
  private gestureTool: Tool | null = null;
  private spaceHeld = false;
  private readonly listeners = new Set<() => void>();
  private readonly intentListeners = new Set<(intent: EditorIntent) => void>();
  private readonly unsubscribes: (() => void)[] = [];
  private culled: { camera: Camera; viewport: Viewport; revision: number; shapes: Shape[] } | null = null;
  private displayed: { state: EditorState; shapes: Shape[] } | null = null;

  constructor(options: EditorOptions) {
    this.scene = new Scene(options.source);
    this.commands = options.commands;
    this.history = options.history;
    this.newId = options.newId ?? randomId;
    this.state = {
      camera: DEFAULT_CAMERA,
      viewport: options.viewport ?? { width: 1280, height: 800 },
      selection: EMPTY_SELECTION,
      tool: 'select',
      preview: null,
      panning: false,
      canUndo: this.history.canUndo(),
      canRedo: this.history.canRedo(),
      stickyColor: 'jaune',
      revision: 0,
    };
    const context = this.toolContext(options.author);
    this.tools = {
      select: createSelectTool(context),
      hand: createHandTool(context),
      sticky: createStickyTool(context),
      text: createTextTool(context),
      rect: createShapeTool(context, 'rect'),
      ellipse: createShapeTool(context, 'ellipse'),
      diamond: createShapeTool(context, 'diamond'),
      arrow: createArrowTool(context),
      pen: createPenTool(context),
      frame: createFrameTool(context),
      comment: createCommentTool(context),
    };
    this.panTool = createHandTool(context);
    this.unsubscribes.push(
      this.scene.subscribe((_changed, deleted) => {
        // Shapes deleted by a peer or by undo leave the selection.
        this.update({ revision: this.state.revision + 1, selection: withoutIds(this.state.selection, deleted) });
      }),
      this.history.subscribe(() => this.update({ canUndo: this.history.canUndo(), canRedo: this.history.canRedo() })),
    );
  }

  // ─── State and subscriptions ───────────────────────────────────────────────────────────────────

  /** Bound, like `subscribe`, for React's `useSyncExternalStore(editor.subscribe, editor.getState)`. */
  getState = (): EditorState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  onIntent(listener: (intent: EditorIntent) => void): () => void {
    this.intentListeners.add(listener);
    return () => this.intentListeners.delete(listener);
  }

  dispose(): void {
    for (const unsubscribe of this.unsubscribes) unsubscribe();
    this.scene.dispose();
    this.listeners.clear();
    this.intentListeners.clear();
  }

  // ─── What to draw ──────────────────────────────────────────────────────────────────────────────

  /**
   * The shapes in and near the viewport, bottom to top, as the current preview shows them (dragged
   * shapes at their live position, even from off screen). Only the shapes the spatial index finds
   * are looked at; the list is recomputed only when the camera, the viewport or the document change.
   */
  visibleShapes(): Shape[] {
    if (this.displayed?.state === this.state) return this.displayed.shapes;
    const { camera, viewport, revision, preview } = this.state;
    if (this.culled?.camera !== camera || this.culled.viewport !== viewport || this.culled.revision !== revision) {
      const area = expandBox(visibleWorld(camera, viewport), CULL_MARGIN_PX / camera.zoom);
      this.culled = { camera, viewport, revision, shapes: this.scene.candidates(area).sort(compareZ) };
    }
    let shapes = this.culled.shapes;
    const previewIds = preview?.kind === 'move' ? preview.ids : preview?.kind === 'resize' ? preview.patches.map((p) => p.id) : [];
    if (previewIds.length > 0) {
      const shown = new Set(shapes.map((s) => s.id));
      const offscreen = previewIds.flatMap((id) => (shown.has(id) ? [] : (this.scene.get(id) ?? [])));
      if (offscreen.length > 0) shapes = [...shapes, ...offscreen].sort(compareZ);
    }
    this.displayed = { state: this.state, shapes: shapes.map(previewTransform(preview)) };
    return this.displayed.shapes;
  }

  /** A shape as currently shown, for resolving connector ends against dragged shapes. */
  displayedShape(id: string): Shape | undefined {
    const shape = this.scene.get(id);
    return shape === undefined ? undefined : previewTransform(this.state.preview)(shape);
  }

  /** Every shape under a screen point, topmost first, locked included (for a context menu). */
  shapesAtScreen(screen: Point): Shape[] {
    const { camera } = this.state;
    return shapesAt(this.scene, screenToWorld(camera, screen), HIT_TOLERANCE_PX / camera.zoom);
  }

  // ─── Input ─────────────────────────────────────────────────────────────────────────────────────

  setViewport(viewport: Viewport): void {
    this.update({ viewport });
  }

  setTool(id: ToolId): void {
    this.cancelGesture();
    this.update({ tool: id });
  }

  setStickyColor(color: StickyColor): void {
    if (color !== this.state.stickyColor) this.update({ stickyColor: color });
  }

  pointerDown(input: EditorPointerInput): void {
    if (this.gestureTool !== null) return;
    // Each gesture is its own undo step, however quickly it follows the previous one.
    this.history.stopCapturing();
    const panning = input.button === 1 || this.spaceHeld;
    this.gestureTool = panning ? this.panTool : this.currentTool();
    if (panning) this.update({ panning: true });
    this.gestureTool.onPointerDown(this.toolPointer(input));
  }

  pointerMove(input: EditorPointerInput): void {
    (this.gestureTool ?? this.currentTool()).onPointerMove(this.toolPointer(input));
  }

  pointerUp(input: EditorPointerInput): void {
    const tool = this.gestureTool;
    this.gestureTool = null;
    tool?.onPointerUp(this.toolPointer(input));
    if (tool === this.panTool) this.update({ panning: this.spaceHeld });
  }

  /** True when the key was used (the app then prevents the browser's default). */
  keyDown(input: KeyInput): boolean {
    if (input.inTextField) return false;
    if (input.key === ' ') {
      this.spaceHeld = true;
      this.update({ panning: true });
      return true;
    }
    const action = shortcutFor(input);
    if (action === null) return this.currentTool().onKeyDown(input);
    this.perform(action);
    return true;
  }

  keyUp(input: KeyInput): void {
    if (input.key !== ' ') return;
    this.spaceHeld = false;
    this.update({ panning: this.gestureTool === this.panTool });
  }

  wheel(input: WheelInput): void {
    this.update({ camera: applyWheel(this.state.camera, input) });
  }

  /** A pinch (touch or Safari gesture events): zoom by `factor` around a screen point. */
  zoomBy(factor: number, screen: Point): void {
    this.update({ camera: zoomAt(this.state.camera, this.state.camera.zoom * factor, screen) });
  }

  // ─── Camera ────────────────────────────────────────────────────────────────────────────────────

  /** Moves the view by screen pixels (keyboard panning, the bench page). */
  panBy(dx: number, dy: number): void {
    this.update({ camera: panBy(this.state.camera, dx, dy) });
  }

  /** Zooms to `zoom` around the centre of the view. */
  setZoom(zoom: number): void {
    this.update({ camera: zoomAt(this.state.camera, zoom, viewportCenter(this.state.viewport)) });
  }

  /** Shows exactly this camera (following a presenter's view), within the zoom limits. */
  setCamera(camera: Camera): void {
    this.update({ camera: { x: camera.x, y: camera.y, zoom: clampZoom(camera.zoom) } });
  }

  /** Puts a world point in the middle of the view, at the current zoom (« Voir » on a comment pin). */
  centreOn(point: Point): void {
    const { camera, viewport } = this.state;
    this.update({ camera: { ...camera, x: point.x - viewport.width / 2 / camera.zoom, y: point.y - viewport.height / 2 / camera.zoom } });
  }

  zoomIn(): void {
    this.update({ camera: zoomIn(this.state.camera, this.state.viewport) });
  }

  zoomOut(): void {
    this.update({ camera: zoomOut(this.state.camera, this.state.viewport) });
  }

  zoomToFit(): void {
    const bounds = unionOfBoxes([...this.scene.all()].map(shapeBounds)) ?? { x: 0, y: 0, w: 0, h: 0 };
    this.update({ camera: fitBounds(bounds, this.state.viewport) });
  }

  zoomToSelection(): void {
    const bounds = selectionBounds(this.selectedShapes());
    if (bounds !== null) this.update({ camera: fitBounds(bounds, this.state.viewport) });
  }

  // ─── Selection and edits ───────────────────────────────────────────────────────────────────────

  /** Selects exactly these shapes, locked ones included (from a list or a context menu). */
  select(ids: Iterable<string>): void {
    this.setSelection(new Set([...ids].filter((id) => this.scene.get(id) !== undefined)));
  }

  selectAll(): void {
    this.setSelection(new Set([...this.scene.all()].filter((shape) => !shape.locked).map((shape) => shape.id)));
  }

  /** Deletes the unlocked selected shapes (the document takes a frame's content with it). */
  deleteSelection(): void {
    const ids = this.unlockedSelectedShapes().map((shape) => shape.id);
    if (ids.length > 0) this.commands.remove(ids);
    this.setSelection(EMPTY_SELECTION);
  }

  duplicateSelection(): void {
    const top = this.selectedShapes().filter((shape) => !shape.locked);
    const shapes = movableIds(this.scene, this.state.selection).flatMap((id) => this.scene.get(id) ?? []);
    const offset = DUPLICATE_OFFSET_PX / this.state.camera.zoom;
    this.addCopies(shapes, { x: offset, y: offset }, top);
  }

  /** The selected shapes and the content of selected frames, for the app to put on the clipboard. */
  copySelection(): Shape[] {
    return withFrameContents(this.scene, this.state.selection).flatMap((id) => this.scene.get(id) ?? []);
  }

  cutSelection(): Shape[] {
    const copied = this.copySelection();
    this.deleteSelection();
    return copied;
  }

  /**
   * Pastes shapes (already validated against the shape schema by the app: the clipboard is
   * untrusted) as new shapes, centred on `at` in world units, or offset from where they were.
   */
  paste(shapes: readonly Shape[], at?: Point): void {
    const bounds = unionOfBoxes(shapes.map(shapeBounds));
    if (bounds === null) return;
    const step = DUPLICATE_OFFSET_PX / this.state.camera.zoom;
    const offset = at === undefined ? { x: step, y: step } : { x: at.x - (bounds.x + bounds.w / 2), y: at.y - (bounds.y + bounds.h / 2) };
    const ids = new Set(shapes.map((shape) => shape.id));
    this.addCopies(shapes, offset, shapes.filter((shape) => shape.parent === null || !ids.has(shape.parent)));
  }

  nudge(direction: Direction, large: boolean): void {
    const ids = movableIds(this.scene, this.state.selection);
    const { x, y } = nudgeDelta(direction, large);
    if (ids.length > 0) this.commands.move(ids, x, y);
  }

  align(alignment: Alignment): void {
    this.writeArrangement(alignPatches(this.unlockedSelectedShapes(), alignment));
  }

  distribute(axis: DistributeAxis): void {
    this.writeArrangement(distributePatches(this.unlockedSelectedShapes(), axis));
  }

  reorder(direction: ReorderDirection): void {
    const ids = this.unlockedSelectedShapes().map((shape) => shape.id);
    if (ids.length > 0) this.commands.reorder(ids, direction);
  }

  /** Locks the selection, or unlocks it when every selected shape is locked already. */
  toggleLock(): void {
    const shapes = this.selectedShapes();
    const locked = shapes.some((shape) => !shape.locked);
    if (shapes.length > 0) this.commands.update(shapes.map((shape) => ({ id: shape.id, changes: { locked } })));
  }

  /**
   * « Commenter »: with shapes selected, asks the UI for a composer on the topmost of them, at its
   * top-left corner (the keyboard way); otherwise picks the comment tool, whose click says where.
   */
  startComment(): void {
    const target = this.selectedShapes().sort(compareZ).at(-1);
    if (target === undefined) return this.setTool('comment');
    this.cancelGesture();
    this.emit({ kind: 'comment', shapeId: target.id, point: { x: target.x, y: target.y } });
  }

  /** Alt+arrows: selects the next shape that way and brings it into view. */
  moveFocus(direction: Direction): void {
    const bounds = selectionBounds(this.selectedShapes());
    const others = [...this.scene.all()].filter((shape) => !this.state.selection.has(shape.id));
    const next = bounds === null ? firstInReadingOrder(others) : nextInDirection(bounds, others, direction);
    if (next === null) return;
    this.setSelection(new Set([next.id]));
    this.bringIntoView(shapeBounds(next));
  }

  undo(): void {
    this.cancelGesture();
    this.history.undo();
  }

  redo(): void {
    this.cancelGesture();
    this.history.redo();
  }

  /** The in-place editor closed: a text box left empty is removed rather than kept invisible. */
  finishTextEdit(id: string): void {
    const shape = this.scene.get(id);
    if (shape?.type === 'text' && shape.text.trim() === '') this.commands.remove([id]);
  }

  // ─── Internals ─────────────────────────────────────────────────────────────────────────────────

  private perform(action: ShortcutAction): void {
    switch (action.kind) {
      case 'tool':
        return this.setTool(action.tool);
      case 'cancel':
        return this.cancel();
      case 'delete':
        return this.deleteSelection();
      case 'undo':
        return this.undo();
      case 'redo':
        return this.redo();
      case 'duplicate':
        return this.duplicateSelection();
      case 'select-all':
        return this.selectAll();
      case 'copy':
      case 'cut':
      case 'paste':
        return this.emit({ kind: 'clipboard', action: action.kind });
      case 'zoom-in':
        return this.zoomIn();
      case 'zoom-out':
        return this.zoomOut();
      case 'zoom-to-fit':
        return this.zoomToFit();
      case 'zoom-to-selection':
        return this.zoomToSelection();
      case 'nudge':
        return this.nudge(action.direction, action.large);
      case 'focus':
        return this.moveFocus(action.direction);
      case 'reorder':
        return this.reorder(action.direction);
      case 'toggle-lock':
        return this.toggleLock();
      case 'comment':
        return this.startComment();
    }
  }

  /** Esc peels one layer: the gesture under way, else the selection, else the tool. */
  private cancel(): void {
    if (this.cancelGesture()) return;
    if (this.state.selection.size > 0) this.setSelection(EMPTY_SELECTION);
    else if (this.state.tool !== 'select') this.setTool('select');
  }

  private cancelGesture(): boolean {
    const tool = this.gestureTool ?? this.currentTool();
    this.gestureTool = null;
    if (tool === this.panTool) this.update({ panning: this.spaceHeld });
    return tool.onCancel();
  }

  private currentTool(): Tool {
    return this.tools[this.state.tool];
  }

  private selectedShapes(): Shape[] {
    return [...this.state.selection].flatMap((id) => this.scene.get(id) ?? []);
  }

  private unlockedSelectedShapes(): Shape[] {
    return this.selectedShapes().filter((shape) => !shape.locked);
  }

  private addCopies(shapes: readonly Shape[], offset: Point, selectCopiesOf: readonly Shape[]): void {
    if (shapes.length === 0) return;
    const copies = duplicateShapes(shapes, offset, this.newId, this.scene.lookup);
    this.commands.add(copies.shapes);
    this.setSelection(new Set(selectCopiesOf.flatMap((shape) => copies.ids.get(shape.id) ?? [])));
  }

  private writeArrangement(patches: readonly ShapePatch[]): void {
    if (patches.length === 0) return;
    this.commands.update(carryFrameContents(patches, this.scene.lookup, (id) => this.scene.descendantsOf(id)));
  }

  private bringIntoView(box: Box): void {
    const { camera, viewport } = this.state;
    if (boxContainsBox(visibleWorld(camera, viewport), box)) return;
    this.update({ camera: { ...camera, x: box.x + box.w / 2 - viewport.width / 2 / camera.zoom, y: box.y + box.h / 2 - viewport.height / 2 / camera.zoom } });
  }

  private toolContext(author: string): ToolContext {
    return {
      scene: this.scene,
      commands: this.commands,
      author,
      newId: this.newId,
      stickyColor: () => this.state.stickyColor,
      zoom: () => this.state.camera.zoom,
      selection: () => this.state.selection,
      setSelection: (selection) => this.setSelection(selection),
      panBy: (dx, dy) => this.update({ camera: panBy(this.state.camera, dx, dy) }),
      setPreview: (preview) => this.update({ preview }),
      setTool: (id) => this.update({ tool: id }),
      emit: (intent) => this.emit(intent),
    };
  }

  private toolPointer(input: EditorPointerInput): ToolPointer {
    return {
      world: screenToWorld(this.state.camera, input.screen),
      screen: input.screen,
      button: input.button,
      modifiers: input.modifiers,
      clickCount: input.clickCount ?? 1,
      pressure: input.pressure ?? 0.5,
    };
  }

  private setSelection(selection: Selection): void {
    if (!sameSelection(selection, this.state.selection)) this.update({ selection });
  }

  private emit(intent: EditorIntent): void {
    for (const listener of this.intentListeners) listener(intent);
  }

  private update(changes: Partial<EditorState>): void {
    this.state = { ...this.state, ...changes };
    for (const listener of this.listeners) listener();
  }
}
