import { useMemo } from 'react';
import { STICKY_COLORS, type StickyColor } from '@eprouvette/shared';
import { useI18n, type MessageKey } from '../../i18n/index.ts';
import type { Alignment, DistributeAxis } from '../engine/transform.ts';
import type { ReorderDirection } from '../engine/board-document.ts';
import { STICKY_FILLS } from '../palette.ts';
import { useBoard } from './board-context.ts';
import type { IconName } from './icons.tsx';
import { availability, TOOL_BUTTONS } from './toolbar-state.ts';
import { moveToolbarFocus, ReadOnlyNote, ToolbarGroup as Group } from '../../ui/toolbar.tsx';
import { ToolbarButton } from './ToolbarButton.tsx';
import { useEditorState } from './use-editor-state.ts';

const ALIGNMENTS: readonly { alignment: Alignment; icon: IconName }[] = [
  { alignment: 'left', icon: 'alignLeft' },
  { alignment: 'centre', icon: 'alignCentre' },
  { alignment: 'right', icon: 'alignRight' },
  { alignment: 'top', icon: 'alignTop' },
  { alignment: 'middle', icon: 'alignMiddle' },
  { alignment: 'bottom', icon: 'alignBottom' },
];
const DISTRIBUTIONS: readonly { axis: DistributeAxis; icon: IconName }[] = [
  { axis: 'horizontal', icon: 'distributeHorizontal' },
  { axis: 'vertical', icon: 'distributeVertical' },
];
const REORDERS: readonly { direction: ReorderDirection; icon: IconName; shortcut: string | null }[] = [
  { direction: 'forward', icon: 'forward', shortcut: ']' },
  { direction: 'backward', icon: 'backward', shortcut: '[' },
  { direction: 'front', icon: 'front', shortcut: null },
  { direction: 'back', icon: 'back', shortcut: null },
];

/**
 * Every tool and action of the board as a button named in French with its shortcut (zooming is in
 * `ZoomControls`, on the canvas). On a read-only connection, only looking around stays enabled,
 * and the toolbar says why.
 */
export function Toolbar({ readOnlyReason }: { readOnlyReason: string | null }) {
  const { t } = useI18n();
  const { editor, board, readOnly, boardView } = useBoard();
  const tool = useEditorState(editor, (state) => state.tool);
  const selection = useEditorState(editor, (state) => state.selection);
  const revision = useEditorState(editor, (state) => state.revision);
  const canUndo = useEditorState(editor, (state) => state.canUndo);
  const canRedo = useEditorState(editor, (state) => state.canRedo);
  // Read again at each document change: a peer may have recoloured or locked a selected shape.
  const selected = useMemo(() => [...selection].flatMap((id) => board.source.get(id) ?? []), [board, selection, revision]);
  const can = availability(selected, readOnly, canUndo, canRedo, boardView.allowed.includes('board.comment'));
  const stickies = selected.filter((shape) => shape.type === 'sticky' && !shape.locked);
  const colours = new Set(stickies.map((shape) => (shape.type === 'sticky' ? shape.color : null)));
  const stickyColor = useEditorState(editor, (state) => state.stickyColor);
  // With notes selected the swatches show (and change) theirs; otherwise the colour of the next note.
  const currentColour = stickies.length === 0 ? stickyColor : colours.size === 1 ? [...colours][0] : null;

  /** Each toolbar action is its own undo step, however soon after the previous change it comes. */
  const act = (action: () => void) => () => {
    board.history.stopCapturing();
    action();
  };
  const pickColour = (color: StickyColor) => () => {
    editor.setStickyColor(color);
    if (stickies.length > 0) act(() => board.commands.update(stickies.map((shape) => ({ id: shape.id, changes: { color } }))))();
  };

  return (
    <div role="toolbar" aria-label={t('board.toolbar.label')} className="board-toolbar" data-testid="board-toolbar" onKeyDown={moveToolbarFocus}>
      <Group label={t('board.toolbar.tools')}>
        {TOOL_BUTTONS.map(({ tool: id, shortcut }) => (
          <ToolbarButton
            key={id}
            icon={id}
            label={t(`board.tool.${id}` as MessageKey)}
            shortcut={shortcut}
            pressed={tool === id}
            disabled={!can.tool(id)}
            onClick={() => editor.setTool(id)}
          />
        ))}
        <ToolbarButton
          icon="comment"
          label={t('board.tool.comment')}
          shortcut="C"
          pressed={tool === 'comment'}
          disabled={!can.tool('comment')}
          onClick={() => editor.startComment()}
        />
      </Group>
      <div role="radiogroup" aria-label={t('board.color.label')} className="board-toolbar__group board-toolbar__colours">
        {STICKY_COLORS.map((color) => (
          <button
            key={color}
            type="button"
            role="radio"
            className="board-toolbar__swatch"
            aria-checked={currentColour === color}
            aria-label={t(`board.color.${color}`)}
            title={t(`board.color.${color}`)}
            disabled={!can.pickColour}
            style={{ backgroundColor: STICKY_FILLS[color] }}
            onMouseDown={(event) => event.preventDefault()}
            onClick={pickColour(color)}
          />
        ))}
      </div>
      <Group label={t('board.toolbar.history')}>
        <ToolbarButton icon="undo" label={t('board.action.undo')} shortcut="Ctrl+Z" disabled={!can.undo} onClick={() => editor.undo()} />
        <ToolbarButton icon="redo" label={t('board.action.redo')} shortcut={t('board.key.redo')} disabled={!can.redo} onClick={() => editor.redo()} />
      </Group>
      <Group label={t('board.toolbar.arrange')}>
        {ALIGNMENTS.map(({ alignment, icon }) => (
          <ToolbarButton key={alignment} icon={icon} label={t(`board.action.align.${alignment}`)} disabled={!can.align} onClick={act(() => editor.align(alignment))} />
        ))}
        {DISTRIBUTIONS.map(({ axis, icon }) => (
          <ToolbarButton key={axis} icon={icon} label={t(`board.action.distribute.${axis}`)} disabled={!can.distribute} onClick={act(() => editor.distribute(axis))} />
        ))}
        {REORDERS.map(({ direction, icon, shortcut }) => (
          <ToolbarButton key={direction} icon={icon} label={t(`board.action.${direction}`)} shortcut={shortcut} disabled={!can.arrange} onClick={act(() => editor.reorder(direction))} />
        ))}
        <ToolbarButton icon="lock" label={t('board.action.lock')} shortcut="Ctrl+L" disabled={!can.lock} onClick={act(() => editor.toggleLock())} />
        <ToolbarButton icon="remove" label={t('board.action.delete')} shortcut={t('board.key.delete')} disabled={!can.remove} onClick={act(() => editor.deleteSelection())} />
      </Group>
      {readOnlyReason !== null && <ReadOnlyNote testId="board-read-only" reason={readOnlyReason} tools={t('board.readOnly.tools')} />}
    </div>
  );
}
