import type { StickyColor } from '@eprouvette/shared';
import type { Point } from '../geometry/math.ts';
import type { Preview } from '../preview.ts';
import { Scene } from '../scene.ts';
import { EMPTY_SELECTION, type Selection } from '../selection.ts';
import type { Shape } from '../shape-model.ts';
import type { Intent, Modifiers, Tool, ToolContext, ToolId, ToolPointer } from '../tools/tool.ts';
import { MemoryBoard } from './memory-board.ts';

const NO_MODIFIERS: Modifiers = { shift: false, alt: false, mod: false };

/**
 * A tool context over a memory board that records what tools do (previews, intents, tool changes,
 * pans), for driving one tool at a time without the editor. The camera sits at the origin, so
 * screen = world × zoom.
 */
export class ToolHarness {
  readonly board: MemoryBoard;
  readonly scene: Scene;
  readonly previews: (Preview | null)[] = [];
  readonly intents: Intent[] = [];
  readonly toolChanges: ToolId[] = [];
  readonly pans: Point[] = [];
  readonly context: ToolContext;
  selection: Selection = EMPTY_SELECTION;
  zoom = 1;
  stickyColor: StickyColor = 'jaune';
  private idCount = 0;

  constructor(shapes: readonly Shape[] = []) {
    this.board = new MemoryBoard(shapes);
    this.scene = new Scene(this.board);
    this.context = {
      scene: this.scene,
      commands: this.board,
      author: 'moi',
      newId: () => `new${++this.idCount}`,
      stickyColor: () => this.stickyColor,
      zoom: () => this.zoom,
      selection: () => this.selection,
      setSelection: (selection) => {
        this.selection = selection;
      },
      panBy: (dx, dy) => this.pans.push({ x: dx, y: dy }),
      setPreview: (preview) => this.previews.push(preview),
      setTool: (id) => this.toolChanges.push(id),
      emit: (intent) => this.intents.push(intent),
    };
  }

  get preview(): Preview | null {
    return this.previews.at(-1) ?? null;
  }

  selected(): string[] {
    return [...this.selection].sort();
  }

  pointer(x: number, y: number, extra: Partial<Omit<ToolPointer, 'world' | 'screen'>> = {}): ToolPointer {
    return {
      world: { x, y },
      screen: { x: x * this.zoom, y: y * this.zoom },
      button: 0,
      modifiers: NO_MODIFIERS,
      clickCount: 1,
      pressure: 0.5,
      ...extra,
    };
  }

  click(tool: Tool, x: number, y: number, extra: Partial<Omit<ToolPointer, 'world' | 'screen'>> = {}): void {
    tool.onPointerDown(this.pointer(x, y, extra));
    tool.onPointerUp(this.pointer(x, y, extra));
  }

  /** Press at `from`, move through the midpoint to `to`, release there. */
  drag(tool: Tool, from: Point, to: Point, modifiers: Partial<Modifiers> = {}): void {
    const extra = { modifiers: { ...NO_MODIFIERS, ...modifiers } };
    tool.onPointerDown(this.pointer(from.x, from.y, extra));
    tool.onPointerMove(this.pointer((from.x + to.x) / 2, (from.y + to.y) / 2, extra));
    tool.onPointerMove(this.pointer(to.x, to.y, extra));
    tool.onPointerUp(this.pointer(to.x, to.y, extra));
  }
}
