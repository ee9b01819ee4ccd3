import { useI18n } from '../../i18n/index.ts';
import { ToolbarButton as Button } from '../../ui/toolbar.tsx';
import { Icon, type IconName } from './icons.tsx';

interface ButtonProps {
  readonly icon: IconName;
  readonly label: string;
  readonly shortcut?: string | null;
  readonly onClick: () => void;
  readonly disabled?: boolean;
  readonly pressed?: boolean;
}

/** A board toolbar button: one of the board's pictograms, named with its shortcut. */
export function ToolbarButton({ icon, label, shortcut = null, onClick, disabled = false, pressed }: ButtonProps) {
  const { t } = useI18n();
  const name = shortcut === null ? label : t('board.shortcut', { label, shortcut });
  return <Button icon={<Icon name={icon} />} name={name} onClick={onClick} disabled={disabled} pressed={pressed} />;
}
