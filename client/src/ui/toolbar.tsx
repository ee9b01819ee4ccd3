/**
 * The parts every toolbar of the app shares (board, AMI text): buttons named with their shortcut,
 * labelled groups, arrow-key movement, and the note saying why editing is off.
 */
import type { KeyboardEvent, ReactNode } from 'react';
import { useI18n } from '../i18n/index.ts';

interface ButtonProps {
  readonly icon: ReactNode;
  /** The accessible name, shortcut included (also the tooltip). */
  readonly name: string;
  readonly onClick: () => void;
  readonly disabled?: boolean;
  readonly pressed?: boolean;
  readonly className?: string;
}

export function ToolbarButton({ icon, name, onClick, disabled = false, pressed, className = '' }: ButtonProps) {
  return (
    <button
      type="button"
      className={`board-toolbar__button ${className}`.trim()}
      aria-label={name}
      title={name}
      aria-pressed={pressed}
      disabled={disabled}
      // A click leaves the focus where the person works: the board keeps its shortcuts, the text its caret.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      {icon}
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

/** « Lecture seule », why, and what that means for the tools. */
export function ReadOnlyNote({ testId, reason, tools }: { testId: string; reason: string; tools: string }) {
  const { t } = useI18n();
  return (
    <p className="board-toolbar__read-only" data-testid={testId}>
      <span className="badge badge--read-only" data-testid="read-only-badge">
        {t('readOnly.badge')}
      </span>{' '}
      <span className="board-toolbar__reason">
        {reason} {tools}
      </span>
    </p>
  );
}
