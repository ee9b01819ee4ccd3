import type { KeyboardEvent, ReactNode } from 'react';
import { useI18n } from '../../i18n/index.ts';
import { Icon, type IconName } from './icons.tsx';

interface ButtonProps {
  readonly icon: IconName;
  readonly label: string;
  readonly shortcut?: string | null;
  readonly onClick: () => void;
  readonly disabled?: boolean;
  readonly pressed?: boolean;
}

export function ToolbarButton({ icon, label, shortcut = null, onClick, disabled = false, pressed }: ButtonProps) {
  const { t } = useI18n();
  const name = shortcut === null ? label : t('board.shortcut', { label, shortcut });
  return (
    <button
      type="button"
      className="board-toolbar__button"
      aria-label={name}
      title={name}
      aria-pressed={pressed}
      disabled={disabled}
      // A click keeps the focus on the board, so that its shortcuts go on working.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      <Icon name={icon} />
    </button>
  );
}

export function ToolbarGroup({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="group" aria-label={label} className="board-toolbar__group">
      {children}
    </div>
  );
}

/** Arrow keys, Home and End move between the toolbar's buttons, as in any toolbar. */
export function moveToolbarFocus(event: KeyboardEvent<HTMLDivElement>): void {
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button:not(:disabled)')];
  const current = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const last = buttons.length - 1;
  const target = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: last }[event.key];
  if (target === undefined || current === -1) return;
  event.preventDefault();
  buttons[Math.min(last, Math.max(0, target))]?.focus();
}
