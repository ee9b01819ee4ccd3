import * as Y from 'yjs';
import { addShapes } from '@eprouvette/shared';
import { createYjsBoard } from '../document/yjs-board.ts';
import { Editor } from '../engine/editor.ts';
import { BoardRenderer } from '../render/renderer.ts';
import { benchSceneSchema, benchSceneToShapes, generateBenchScene, type BenchScene } from './scene.ts';

/**
 * The board benchmark page (`/bench/board?n=N` or `?scene=URL`, served only with
 * EPROUVETTE_BENCH=1): a generated board rendered through the real board code — document →
 * engine → renderer — starting at zoom-to-fit, with `window.__bench` for the runner
 * (`bench/board/run.ts`). No React and no sign-in: nothing but the board is measured.
 */
export interface BenchApi {
  /** Resolves once, after the first frame that shows every shape. */
  ready(): Promise<{ mountMs: number }>;
  pan(dx: number, dy: number): void;
  zoomToFit(): void;
  setZoom(zoom: number): void;
  info(): { shapes: number; zoom: number; visible: number };
}

async function loadScene(params: URLSearchParams): Promise<BenchScene> {
  const url = params.get('scene');
  if (url !== null) return benchSceneSchema.parse(await (await fetch(url)).json());
  return generateBenchScene(Number(params.get('n') ?? '1000'));
}

export async function mountBenchPage(container: HTMLElement): Promise<void> {
  document.title = 'Éprouvette — banc d’essai du tableau';
  container.style.cssText = 'position:fixed;inset:0;overflow:hidden;background:#fff';
  const base = document.createElement('canvas');
  const overlay = document.createElement('canvas');
  for (const canvas of [base, overlay]) {
    canvas.style.cssText = 'position:absolute;inset:0;width:100%;height:100%';
    container.append(canvas);
  }
  const scene = await loadScene(new URLSearchParams(window.location.search));
  const shapes = benchSceneToShapes(scene);
  // The clock starts with the document loaded, as the issue measures mount.
  const doc = new Y.Doc();
  const origin = {};
  addShapes(doc, shapes, origin);
  const started = performance.now();
  const board = createYjsBoard(doc, origin);
  const viewport = { width: container.clientWidth, height: container.clientHeight };
  const editor = new Editor({ source: board.source, commands: board.commands, history: board.history, author: 'bench', viewport });
  const renderer = new BoardRenderer({ base, overlay, editor, source: board.source, imageUrl: () => '' });
  renderer.setPixelRatio(window.devicePixelRatio || 1);
  editor.zoomToFit();
  const ready = new Promise<{ mountMs: number }>((resolve) => {
    const stop = renderer.onRenderState((complete) => {
      if (!complete) return;
      stop();
      resolve({ mountMs: performance.now() - started });
    });
  });
  const api: BenchApi = {
    ready: () => ready,
    pan: (dx, dy) => editor.panBy(dx, dy),
    zoomToFit: () => editor.zoomToFit(),
    setZoom: (zoom) => editor.setZoom(zoom),
    info: () => ({ shapes: shapes.length, zoom: editor.getState().camera.zoom, visible: editor.visibleShapes().length }),
  };
  (window as unknown as { __bench: BenchApi }).__bench = api;
}
