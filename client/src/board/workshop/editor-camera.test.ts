import { describe, expect, it } from 'vitest';
import { panBy, type Camera, type Viewport } from '../engine/camera.ts';
import { editorCamera, type CameraEditor } from './editor-camera.ts';

/** The editor's contract: a new state object on every change, the same camera object until it moves. */
function fakeEditor() {
  let state: { camera: Camera; viewport: Viewport; selection: number } = {
    camera: { x: 0, y: 0, zoom: 1 },
    viewport: { width: 800, height: 600 },
    selection: 0,
  };
  const listeners = new Set<() => void>();
  const update = (changes: Partial<typeof state>) => {
    state = { ...state, ...changes };
    for (const listener of listeners) listener();
  };
  const editor: CameraEditor = {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setCamera: (camera) => update({ camera: { ...camera } }),
  };
  return { editor, update, pan: () => update({ camera: panBy(state.camera, 10, 0) }), listeners };
}

describe('editorCamera', () => {
  it('tells the person’s own camera moves from the ones it makes', () => {
    const { editor, pan } = fakeEditor();
    const camera = editorCamera(editor);
    let userMoves = 0;
    camera.onUserCameraChange(() => userMoves++);
    camera.setCamera({ x: 5, y: 5, zoom: 2 });
    expect(camera.getCamera()).toEqual({ x: 5, y: 5, zoom: 2 });
    expect(userMoves).toBe(0);
    pan();
    expect(userMoves).toBe(1);
  });

  it('reports every view change, and nothing for other state changes', () => {
    const { editor, update, pan } = fakeEditor();
    const camera = editorCamera(editor);
    let changes = 0;
    let userMoves = 0;
    camera.onViewChange(() => changes++);
    camera.onUserCameraChange(() => userMoves++);
    update({ selection: 1 });
    expect(changes).toBe(0);
    update({ viewport: { width: 400, height: 300 } });
    expect(camera.getViewport()).toEqual({ width: 400, height: 300 });
    camera.setCamera({ x: 1, y: 1, zoom: 1 });
    pan();
    expect(changes).toBe(3);
    expect(userMoves).toBe(1);
  });

  it('stops listening when unsubscribed', () => {
    const { editor, pan, listeners } = fakeEditor();
    const camera = editorCamera(editor);
    let userMoves = 0;
    const stop = camera.onUserCameraChange(() => userMoves++);
    stop();
    pan();
    expect(userMoves).toBe(0);
    expect(listeners.size).toBe(0);
  });
});
