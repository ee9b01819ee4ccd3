import { useState } from 'react';
import { useEditorState } from '@tiptap/react';
import { moveToolbarFocus, ReadOnlyNote, ToolbarButton, ToolbarGroup } from '../../ui/toolbar.tsx';
import { useI18n } from '../../i18n/index.ts';
import { useAmiText } from '../text-context.ts';
import { LinkDialog } from './LinkDialog.tsx';
import { TextIcon } from './text-icons.tsx';
import {
  actionStates,
  BLOCK_ACTIONS,
  HISTORY_ACTIONS,
  INLINE_ACTIONS,
  runAction,
  shortcutLabel,
  TABLE_ACTIONS,
  type TextAction,
  type TextActionGroup,
} from './toolbar-actions.ts';

const GROUPS: readonly TextActionGroup[] = [INLINE_ACTIONS, BLOCK_ACTIONS, TABLE_ACTIONS, HISTORY_ACTIONS];

/**
 * The formatting toolbar of the AMI text, every button named in French with its shortcut. On a
 * read-only connection every button is disabled and the toolbar says why.
 */
export function TextToolbar({ readOnlyReason }: { readOnlyReason: string | null }) {
  const { t, lang } = useI18n();
  const { editor } = useAmiText();
  const states = useEditorState({ editor, selector: ({ editor: current }) => actionStates(current, GROUPS) });
  const link = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      active: current.isActive('link'),
      // Any allowed address answers « may a link go here? » (not in code, say).
      enabled: current.isEditable && current.can().setLink({ href: 'https://exemple.fr' }),
    }),
  });
  const [linkOpen, setLinkOpen] = useState(false);

  const nameOf = (action: TextAction) => {
    const label = t(action.label);
    return action.keys === null ? label : t('amiText.shortcut', { label, shortcut: shortcutLabel(action.keys, lang) });
  };
  const button = (action: TextAction) => (
    <ToolbarButton className="text-toolbar__button"
      key={action.id}
      icon={<TextIcon name={action.icon} />}
      name={nameOf(action)}
      pressed={action.active ? states[action.id]?.active === true : undefined}
      disabled={states[action.id]?.enabled !== true}
      onClick={() => runAction(editor, action)}
    />
  );

  return (
    <div role="toolbar" aria-label={t('amiText.toolbar.label')} className="board-toolbar text-toolbar" data-testid="text-toolbar" onKeyDown={moveToolbarFocus}>
      <ToolbarGroup label={t(INLINE_ACTIONS.label)}>{INLINE_ACTIONS.actions.map(button)}</ToolbarGroup>
      <ToolbarGroup label={t(BLOCK_ACTIONS.label)}>{BLOCK_ACTIONS.actions.map(button)}</ToolbarGroup>
      <ToolbarGroup label={t('amiText.toolbar.insert')}>
        <ToolbarButton className="text-toolbar__button"
          icon={<TextIcon name="link" />}
          name={t('amiText.action.link')}
          pressed={link.active}
          disabled={!link.enabled}
          onClick={() => setLinkOpen(true)}
        />
      </ToolbarGroup>
      <ToolbarGroup label={t(TABLE_ACTIONS.label)}>{TABLE_ACTIONS.actions.map(button)}</ToolbarGroup>
      <ToolbarGroup label={t(HISTORY_ACTIONS.label)}>{HISTORY_ACTIONS.actions.map(button)}</ToolbarGroup>
      {readOnlyReason !== null && <ReadOnlyNote testId="text-read-only" reason={readOnlyReason} tools={t('amiText.readOnly.tools')} />}
      {linkOpen && <LinkDialog editor={editor} onClose={() => setLinkOpen(false)} />}
    </div>
  );
}
