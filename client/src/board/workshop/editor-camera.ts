/**
 * The camera as follow mode needs it: read it, set it, and tell the person's own moves (pan, zoom,
 * fit, keyboard) from the moves follow mode makes, which must not stop following.
 */
import type { Camera, Viewport } from '../engine/camera.ts';

export interface CameraControl {
  getCamera(): Camera;
  getViewport(): Viewport;
  setCamera(camera: Camera): void;
  /** Any change of the camera or of the viewport's size, whoever made it. */
  onViewChange(listener: () => void): () => void;
  /** The camera moved, and not through `setCamera`. */
  onUserCameraChange(listener: () => void): () => void;
}

/** What the board editor offers; `setCamera` is the one method follow mode adds to it. */
export interface CameraEditor {
  getState(): { readonly camera: Camera; readonly viewport: Viewport };
  subscribe(listener: () => void): () => void;
  setCamera(camera: Camera): void;
}

/**
 * The editor notifies its listeners synchronously inside `setCamera`, so a change seen while
 * `setCamera` runs is ours and any other is the person's. The editor keeps the same camera object
 * until the camera changes, so identity tells a camera change from any other state change.
 */
type EditorView = ReturnType<CameraEditor['getState']>;

export function editorCamera(editor: CameraEditor): CameraControl {
  let applying = false;
  const watch = (changed: (state: EditorView, before: EditorView) => boolean, listener: () => void) => {
    let before = editor.getState();
    return editor.subscribe(() => {
      const state = editor.getState();
      const fire = changed(state, before);
      before = state;
      if (fire) listener();
    });
  };
  return {
    getCamera: () => editor.getState().camera,
    getViewport: () => editor.getState().viewport,
    setCamera(camera) {
      applying = true;
      try {
        editor.setCamera(camera);
      } finally {
        applying = false;
      }
    },
    onViewChange: (listener) => watch((state, before) => state.camera !== before.camera || state.viewport !== before.viewport, listener),
    onUserCameraChange: (listener) => watch((state, before) => state.camera !== before.camera && !applying, listener),
  };
}
