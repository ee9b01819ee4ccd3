import { useI18n } from '../../i18n/index.ts';
import { useBoard } from './board-context.ts';
import { moveToolbarFocus } from '../../ui/toolbar.tsx';
import { ToolbarButton } from './ToolbarButton.tsx';
import { useEditorState } from './use-editor-state.ts';

/** Zooming, in the corner of the canvas where boards keep it: − / percentage / +, everything, the selection. */
export function ZoomControls() {
  const { t } = useI18n();
  const { editor } = useBoard();
  const zoom = useEditorState(editor, (state) => state.camera.zoom);
  const hasSelection = useEditorState(editor, (state) => state.selection.size > 0);
  const percent = Math.round(zoom * 100);
  return (
    <div role="toolbar" aria-label={t('board.toolbar.zoom')} className="board-zoom" onKeyDown={moveToolbarFocus}>
      <ToolbarButton icon="zoomOut" label={t('board.action.zoomOut')} shortcut="−" onClick={() => editor.zoomOut()} />
      <output className="board-zoom__level" aria-label={t('board.zoom.level', { percent })}>
        {percent} %
      </output>
      <ToolbarButton icon="zoomIn" label={t('board.action.zoomIn')} shortcut="+" onClick={() => editor.zoomIn()} />
      <ToolbarButton icon="zoomToFit" label={t('board.action.zoomToFit')} shortcut={t('board.key.zoomToFit')} onClick={() => editor.zoomToFit()} />
      <ToolbarButton icon="zoomToSelection" label={t('board.action.zoomToSelection')} shortcut={t('board.key.zoomToSelection')} disabled={!hasSelection} onClick={() => editor.zoomToSelection()} />
    </div>
  );
}
