/**
 * The comment being written, beside its pin on the canvas: it follows the pin when the view moves
 * or the item is dragged. Publishing opens the new thread in the panel; Échap or « Annuler » drops
 * it; either way the focus goes back to the board.
 */
import { pinPlace } from '@eprouvette/shared';
import { CommentComposer } from '../../comments/CommentComposer.tsx';
import { useI18n } from '../../i18n/index.ts';
import { worldToScreen } from '../engine/camera.ts';
import { useBoard } from '../ui/board-context.ts';
import { useEditorState } from '../ui/use-editor-state.ts';
import { useBoardComments } from './board-comments-context.ts';
import { composerPlacement, COMPOSER_SIZE } from './pin-marks.ts';
import { placeWords } from './place-words.ts';

export function PinComposer({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const { editor, board } = useBoard();
  const { draft, actions, closeDraft, select, announce } = useBoardComments();
  const camera = useEditorState(editor, (state) => state.camera);
  const viewport = useEditorState(editor, (state) => state.viewport);
  // The item may move or be renamed while the comment is written.
  useEditorState(editor, (state) => state.revision);
  if (draft === null || actions === null) return null;

  const lookup = (id: string) => board.source.get(id);
  const shape = draft.shapeId === null ? undefined : lookup(draft.shapeId);
  const at = worldToScreen(camera, pinPlace(draft, shape).point);
  const place = composerPlacement(at, viewport);
  const title = t('boardComments.composer.title', { place: placeWords(draft, lookup, t, 'inline') });
  const close = () => {
    closeDraft();
    onClose();
  };

  return (
    <section className="pin-composer" style={{ left: place.x, top: place.y, width: COMPOSER_SIZE.w }} aria-label={title} data-testid="pin-composer">
      <p className="pin-composer__title">{title}</p>
      <CommentComposer
        label={t('comments.start.label')}
        submitLabel={t('comments.start.submit')}
        people={actions.people}
        autoFocus
        testId="comment-new"
        send={(text, mentions) => actions.create(draft, text, mentions)}
        onSent={(thread) => {
          select(thread.id);
          announce(t('comments.announce.published'));
          close();
        }}
        onCancel={close}
      />
    </section>
  );
}
