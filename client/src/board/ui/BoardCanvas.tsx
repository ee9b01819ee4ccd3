import { useCallback, useEffect, useId, useRef, useState, type DragEvent, type KeyboardEvent, type PointerEvent } from 'react';
import { boardAnchorAt } from '@eprouvette/shared';
import { useI18n } from '../../i18n/index.ts';
import { useBoardComments } from '../comments/board-comments-context.ts';
import { DRAFT_PIN_ID, pinAt } from '../comments/pin-marks.ts';
import { PinComposer } from '../comments/PinComposer.tsx';
import { useCommentPins } from '../comments/use-comment-pins.ts';
import { screenToWorld, viewportCenter } from '../engine/camera.ts';
import type { EditorPointerInput } from '../engine/editor.ts';
import type { Point } from '../engine/geometry/math.ts';
import type { Shape } from '../engine/shape-model.ts';
import { shortcutFor } from '../engine/shortcuts.ts';
import type { ToolId } from '../engine/tools/tool.ts';
import { imageUrl } from '../shapes/image-url.ts';
import { BoardRenderer } from '../render/renderer.ts';
import { handleKeyboardAction } from '../a11y/keyboard-commands.ts';
import { useBoard } from './board-context.ts';
import { clipboardContent, readPasted, rememberCopied, rememberedCopy, SHAPES_MIME, stickyFromText } from './clipboard.ts';
import { altFromFileName, fitImageSize, imageShape, isImageFile, pictureSize, uploadImage } from './image-upload.ts';
import { pinchStep } from './pinch.ts';
import { ClickCounter, keyInputOf, modifiersOf, wheelPixels } from './pointer-input.ts';
import { TextEditOverlay } from './TextEditOverlay.tsx';
import { READ_ONLY_TOOLS } from './toolbar-state.ts';
import { useBoardPresence } from './use-board-presence.ts';
import { useEditorState } from './use-editor-state.ts';
import { useVoteCounts } from '../workshop/use-vote-counts.ts';
import { focusElementFromAddress } from '../../search/focus-element.ts';

const CURSORS: Readonly<Record<ToolId, string>> = {
  select: 'default',
  hand: 'grab',
  sticky: 'crosshair',
  text: 'text',
  rect: 'crosshair',
  ellipse: 'crosshair',
  diamond: 'crosshair',
  arrow: 'crosshair',
  pen: 'crosshair',
  frame: 'crosshair',
  comment: 'crosshair',
};

/** World units between images added together, side by side. */
const IMAGE_GAP = 24;

function pointerInput(event: globalThis.PointerEvent, screen: Point, clickCount = 1): EditorPointerInput {
  return { screen, button: event.button, modifiers: modifiersOf(event), clickCount, pressure: event.pointerType === 'pen' ? event.pressure : undefined };
}

/**
 * The board itself: the renderer's two canvases, and every input they take — pointer (with
 * capture, pen pressure, middle-button and space+drag panning), wheel and trackpad, two-finger
 * pinch, keyboard, clipboard, and images dropped from the desktop — handed to the engine. The
 * top canvas is the focusable `application` that assistive technologies announce.
 */
export function BoardCanvas({ loaded }: { loaded: boolean }) {
  const { t } = useI18n();
  const { doc, editor, board, awareness, readOnly, me, ami, boardView } = useBoard();
  const comments = useBoardComments();
  const canComment = boardView.allowed.includes('board.comment');
  const voteCounts = useVoteCounts(doc);
  const container = useRef<HTMLDivElement>(null);
  const base = useRef<HTMLCanvasElement>(null);
  const input = useRef<HTMLCanvasElement>(null);
  const [renderer, setRenderer] = useState<BoardRenderer | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [sized, setSized] = useState(false);
  const [overPin, setOverPin] = useState(false);
  const readOnlyRef = useRef(readOnly);
  readOnlyRef.current = readOnly;
  const pointer = useRef<Point | null>(null);
  const clicks = useRef(new ClickCounter());
  const touches = useRef(new Map<number, Point>());
  const helpId = useId();
  const tool = useEditorState(editor, (state) => state.tool);
  const panning = useEditorState(editor, (state) => state.panning);
  const setCursor = useBoardPresence(awareness, editor, renderer, readOnly);

  useEffect(() => {
    const [element, baseCanvas, inputCanvas] = [container.current, base.current, input.current];
    if (element === null || baseCanvas === null || inputCanvas === null) return;
    const created = new BoardRenderer({ base: baseCanvas, overlay: inputCanvas, editor, source: board.source, imageUrl: (asset) => imageUrl(ami.id, asset) });
    // Browser tests wait for this before looking at the pixels.
    const stop = created.onRenderState((complete) => {
      element.dataset.renderState = complete ? 'complete' : 'pending';
    });
    const observer = new ResizeObserver(([entry]) => {
      if (entry === undefined) return;
      editor.setViewport({ width: Math.max(1, entry.contentRect.width), height: Math.max(1, entry.contentRect.height) });
      created.setPixelRatio(window.devicePixelRatio || 1);
      setSized(true);
    });
    observer.observe(element);
    setRenderer(created);
    return () => {
      observer.disconnect();
      stop();
      created.destroy();
      setRenderer(null);
    };
  }, [editor, board, ami.id]);

  useEffect(() => renderer?.setReadOnly(readOnly), [renderer, readOnly]);
  useEffect(() => renderer?.setVoteCounts(voteCounts), [renderer, voteCounts]);
  useEffect(() => renderer?.setEditing(editing), [renderer, editing]);
  useCommentPins(renderer, container, loaded);

  // A board that already has content opens on all of it, or on the item a search result named.
  const fitted = useRef(false);
  useEffect(() => {
    if (!loaded || !sized || fitted.current) return;
    fitted.current = true;
    if (focusElementFromAddress(editor, window.location.search)) return;
    if (board.source.all()[Symbol.iterator]().next().done !== true) editor.zoomToFit();
  }, [loaded, sized, editor, board]);

  const { startDraft, select: selectThread } = comments;
  useEffect(
    () =>
      editor.onIntent((intent) => {
        if (intent.kind === 'edit-text' && !readOnlyRef.current) setEditing(intent.id);
        if (intent.kind === 'comment' && canComment) startDraft(boardAnchorAt(intent.point, intent.shapeId === null ? null : (board.source.get(intent.shapeId) ?? null)));
      }),
    [editor, board, canComment, startDraft],
  );
  useEffect(() => {
    if (editing === null) return;
    return () => editor.finishTextEdit(editing);
  }, [editor, editing]);
  const focusBoard = useCallback(() => input.current?.focus({ preventScroll: true }), []);
  const closeEditor = useCallback(() => {
    setEditing(null);
    focusBoard();
  }, [focusBoard]);

  const screenOf = (event: { clientX: number; clientY: number }): Point => {
    const rect = input.current?.getBoundingClientRect();
    return { x: event.clientX - (rect?.left ?? 0), y: event.clientY - (rect?.top ?? 0) };
  };
  /** Where pasted content goes: at the pointer when it is on the board, else the middle of the view. */
  const pasteTarget = useCallback((): Point => {
    const { camera, viewport } = editor.getState();
    return screenToWorld(camera, pointer.current ?? viewportCenter(viewport));
  }, [editor]);

  const addImages = useCallback(
    async (files: readonly File[], at: Point) => {
      setMessage(t('board.image.uploading'));
      const shapes: Shape[] = [];
      let failure = '';
      for (const file of files) {
        const [size, uploaded] = await Promise.all([pictureSize(file), uploadImage(ami.id, boardView.id, file, t('board.image.tooLarge'))]);
        if (!uploaded.ok) {
          failure = t('board.image.failed', { reason: uploaded.message });
          continue;
        }
        const box = fitImageSize(size?.width ?? 0, size?.height ?? 0);
        const x = shapes.reduce((right, shape) => right + shape.w + IMAGE_GAP, 0);
        shapes.push({ ...imageShape(uploaded.hash, box, altFromFileName(file.name), me.id), x });
      }
      setMessage(failure);
      if (shapes.length > 0) editor.paste(shapes, at);
    },
    [editor, ami.id, boardView.id, me.id, t],
  );

  const paste = useCallback(
    (data: DataTransfer | null) => {
      const files = [...(data?.files ?? [])].filter(isImageFile);
      if (files.length > 0) return void addImages(files, pasteTarget());
      const json = data?.getData(SHAPES_MIME) || null;
      const text = data?.getData('text/plain') || null;
      const remembered = json === null && text === null ? rememberedCopy() : null;
      const pasted = readPasted(json ?? remembered?.json ?? null, text ?? remembered?.text ?? null);
      // Shapes pasted from the keyboard alone land beside their originals; with a pointer, under it.
      if (pasted.kind === 'shapes') editor.paste(pasted.shapes, pointer.current === null ? undefined : pasteTarget());
      if (pasted.kind === 'text') editor.paste([stickyFromText(pasted.text, me.id)], pasteTarget());
    },
    [editor, addImages, pasteTarget, me.id],
  );

  // The browser's clipboard events, rather than the keys: they carry the system clipboard and pasted files.
  useEffect(() => {
    const onBoard = () => document.activeElement !== null && document.activeElement === input.current;
    const copy = (event: ClipboardEvent, cut: boolean) => {
      if (!onBoard()) return;
      const shapes = cut && !readOnlyRef.current ? editor.cutSelection() : editor.copySelection();
      if (shapes.length === 0) return;
      const content = clipboardContent(shapes);
      rememberCopied(content);
      event.clipboardData?.setData(SHAPES_MIME, content.json);
      event.clipboardData?.setData('text/plain', content.text);
      event.preventDefault();
    };
    const onCopy = (event: ClipboardEvent) => copy(event, false);
    const onCut = (event: ClipboardEvent) => copy(event, true);
    const onPaste = (event: ClipboardEvent) => {
      if (!onBoard() || readOnlyRef.current) return;
      event.preventDefault();
      paste(event.clipboardData);
    };
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCut);
    document.addEventListener('paste', onPaste);
    return () => {
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCut);
      document.removeEventListener('paste', onPaste);
    };
  }, [editor, paste]);

  // React's wheel listener is passive: the page would scroll along with the board.
  useEffect(() => {
    const element = input.current;
    if (element === null) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const rect = element.getBoundingClientRect();
      editor.wheel({
        screen: { x: event.clientX - rect.left, y: event.clientY - rect.top },
        deltaX: wheelPixels(event.deltaX, event.deltaMode, rect.height),
        deltaY: wheelPixels(event.deltaY, event.deltaMode, rect.height),
        mod: event.ctrlKey || event.metaKey,
        shift: event.shiftKey,
      });
      // The board moved under a still pointer: the others see it over what it is now over.
      if (pointer.current !== null) setCursor(screenToWorld(editor.getState().camera, pointer.current));
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [editor, setCursor]);

  /** Drops the gesture under way: a second finger turns it into a pinch, a cancelled pointer into nothing. */
  const cancelGesture = () => editor.setTool(editor.getState().tool);

  const onPointerDown = (event: PointerEvent<HTMLCanvasElement>) => {
    const canvas = event.currentTarget;
    // No compatibility mouse events: their default would take the focus from an editor this press opens.
    event.preventDefault();
    canvas.focus({ preventScroll: true });
    const screen = screenOf(event);
    // Pins lie over the board: a press on one opens its thread rather than starting a gesture.
    const pin = event.button === 0 ? pinAt(comments.marks.current ?? [], screen) : null;
    if (pin !== null) {
      if (pin.id !== DRAFT_PIN_ID) selectThread(pin.id);
      return;
    }
    if (event.pointerType === 'touch') {
      touches.current.set(event.pointerId, screen);
      if (touches.current.size === 2) cancelGesture();
      if (touches.current.size >= 2) return;
    }
    canvas.setPointerCapture(event.pointerId);
    editor.pointerDown(pointerInput(event.nativeEvent, screen, clicks.current.press(event.timeStamp, screen)));
  };

  const onPointerMove = (event: PointerEvent<HTMLCanvasElement>) => {
    const screen = screenOf(event);
    pointer.current = screen;
    setCursor(screenToWorld(editor.getState().camera, screen));
    setOverPin(event.buttons === 0 && pinAt(comments.marks.current ?? [], screen) !== null);
    const fingers = touches.current;
    if (event.pointerType === 'touch' && fingers.has(event.pointerId) && fingers.size === 2) {
      const before = [...fingers.values()] as [Point, Point];
      fingers.set(event.pointerId, screen);
      const step = pinchStep(before, [...fingers.values()] as [Point, Point]);
      editor.zoomBy(step.factor, step.centre);
      editor.wheel({ screen: step.centre, deltaX: -step.pan.x, deltaY: -step.pan.y, mod: false, shift: false });
      return;
    }
    if (fingers.size > 2) return;
    // Every position the device reported since the last frame: strokes drawn fast stay smooth.
    const coalesced = event.buttons === 0 ? [] : (event.nativeEvent.getCoalescedEvents?.() ?? []);
    for (const each of coalesced.length > 0 ? coalesced : [event.nativeEvent]) editor.pointerMove(pointerInput(each, screenOf(each)));
  };

  const onPointerUp = (event: PointerEvent<HTMLCanvasElement>) => {
    const pinching = touches.current.size >= 2;
    touches.current.delete(event.pointerId);
    if (!pinching) editor.pointerUp(pointerInput(event.nativeEvent, screenOf(event)));
  };

  const onPointerCancel = (event: PointerEvent<HTMLCanvasElement>) => {
    touches.current.delete(event.pointerId);
    cancelGesture();
  };

  const onPointerLeave = (event: PointerEvent<HTMLCanvasElement>) => {
    if (event.currentTarget.hasPointerCapture(event.pointerId)) return;
    pointer.current = null;
    setCursor(null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLCanvasElement>) => {
    const key = keyInputOf(event.nativeEvent);
    const action = shortcutFor(key);
    if (action?.kind === 'copy' || action?.kind === 'cut' || action?.kind === 'paste') return;
    if (readOnly && action?.kind === 'tool' && !READ_ONLY_TOOLS.has(action.tool)) return;
    if (action?.kind === 'comment' && !canComment) return;
    // Keyboard resizing and creation first: the editor reads Alt+Shift+arrows as "move focus".
    if ((!readOnly && handleKeyboardAction({ editor, source: board.source, commands: board.commands }, key)) || editor.keyDown(key)) event.preventDefault();
  };

  const onDragOver = (event: DragEvent<HTMLDivElement>) => {
    if (readOnly || !event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    const files = [...event.dataTransfer.files].filter(isImageFile);
    if (readOnly || files.length === 0) return;
    event.preventDefault();
    void addImages(files, screenToWorld(editor.getState().camera, screenOf(event)));
  };

  return (
    <div ref={container} className="board-canvas" data-testid="board-canvas" onDragOver={onDragOver} onDrop={onDrop}>
      <canvas ref={base} className="board-canvas__layer" aria-hidden="true" />
      <canvas
        ref={input}
        className="board-canvas__layer board-canvas__input"
        role="application"
        tabIndex={0}
        aria-label={t('board.canvas.label', { title: boardView.title })}
        aria-describedby={helpId}
        data-testid="board-input"
        style={{ cursor: panning ? 'grabbing' : overPin ? 'pointer' : CURSORS[tool] }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerCancel}
        onPointerLeave={onPointerLeave}
        onKeyDown={onKeyDown}
        onKeyUp={(event) => editor.keyUp(keyInputOf(event.nativeEvent))}
        // Space released elsewhere must not leave the board panning.
        onBlur={() => editor.keyUp({ key: ' ', code: 'Space', shift: false, alt: false, mod: false, inTextField: false })}
      />
      <p id={helpId} className="visually-hidden">
        {t('board.canvas.help')}
      </p>
      {editing !== null && <TextEditOverlay shapeId={editing} onClose={closeEditor} />}
      <PinComposer onClose={focusBoard} />
      <p className="board-canvas__message" role="status">
        {message}
      </p>
    </div>
  );
}
