import { useEffect, useMemo, useRef } from 'react';
import { shapeText } from '@eprouvette/shared';
import { TextareaBinding } from '../text/textarea-binding.ts';
import { useI18n } from '../../i18n/index.ts';
import { canvasMeasure, FONT_FAMILY } from '../text/text-measure.ts';
import { LINE_HEIGHT } from '../text/text-style.ts';
import { wrapText } from '../text/wrap-text.ts';
import { useBoard } from './board-context.ts';
import { textEditBox, type CountLines } from './text-edit-box.ts';
import { useEditorState } from './use-editor-state.ts';

/**
 * The text of one shape edited in place: a textarea over the shape, bound keystroke by keystroke
 * to the shape's shared text (two people typing in one note merge), or to a frame's title. Escape,
 * or a click anywhere else, ends it.
 */
export function TextEditOverlay({ shapeId, onClose }: { shapeId: string; onClose: () => void }) {
  const { t } = useI18n();
  const { editor, board, doc } = useBoard();
  const camera = useEditorState(editor, (state) => state.camera);
  // Shapes are re-read at each document change: a peer may move the note being edited.
  useEditorState(editor, (state) => state.revision);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const measure = useMemo(canvasMeasure, []);
  const countLines = useMemo<CountLines>(() => (text, width, fontSize) => (width <= 0 ? 1 : wrapText(text, width, fontSize, measure).length), [measure]);
  const shape = board.source.get(shapeId);
  const gone = shape === undefined;

  useEffect(() => {
    if (gone) onClose();
  }, [gone, onClose]);

  useEffect(() => {
    const element = textarea.current;
    const text = shapeText(doc, shapeId);
    if (element === null) return;
    const binding = text === null ? null : new TextareaBinding(text, element);
    element.focus({ preventScroll: true });
    element.setSelectionRange(element.value.length, element.value.length);
    return () => binding?.destroy();
  }, [doc, shapeId]);

  if (shape === undefined) return null;
  const box = textEditBox(shape, camera, board.source.get, countLines);
  if (box === null) return null;
  const isFrame = shape.type === 'frame';

  /** A text shape grows with its text, so that what is typed stays inside it. */
  const onInput = () => {
    const current = board.source.get(shapeId);
    if (current?.type !== 'text') return;
    const height = countLines(current.text, current.w, current.fontSize) * current.fontSize * LINE_HEIGHT;
    if (height > current.h) board.commands.update([{ id: shapeId, changes: { h: height } }]);
  };

  return (
    <textarea
      ref={textarea}
      className="board-text-editor"
      aria-label={t(isFrame ? 'board.editTitle.label' : 'board.editText.label')}
      data-testid="board-text-editor"
      spellCheck
      // A frame's title is a plain value: it has no shared text to bind to.
      {...(isFrame ? { value: shape.title, onChange: (event) => board.commands.update([{ id: shapeId, changes: { title: event.target.value.slice(0, 200) } }]) } : { onInput })}
      onKeyDown={(event) => {
        if (event.key === 'Escape' || (isFrame && event.key === 'Enter')) {
          event.preventDefault();
          onClose();
        }
      }}
      onBlur={onClose}
      style={{
        left: box.left,
        top: box.top,
        width: box.width,
        height: box.height,
        paddingTop: box.paddingTop,
        paddingLeft: box.paddingX,
        paddingRight: box.paddingX,
        font: `${box.bold ? 'bold ' : ''}${box.fontSize}px/${LINE_HEIGHT} ${FONT_FAMILY}`,
        textAlign: box.align,
        color: box.color,
        background: box.background ?? 'transparent',
      }}
    />
  );
}
