/**
 * « Exporter »: the board as PNG, SVG, PDF or JSON, and a JSON file imported into it. A menu button
 * after the WAI-ARIA pattern: arrows, Home, End and letters move, Escape closes and gives focus
 * back to the button. What is under way and what came of it is announced.
 */
import { useId, useRef, useState, type ChangeEvent } from 'react';
import type * as Y from 'yjs';
import { useI18n, type MessageKey } from '../../i18n/index.ts';
import { ActionAlert } from '../../ui/ActionAlert.tsx';
import type { ShapeSource } from '../engine/board-document.ts';
import { buildExport, type ExportChoice } from './build.ts';
import { downloadBlob } from '../../ui/download.ts';
import { importBoardFile, MAX_IMPORT_BYTES, type ImportOutcome } from './import-file.ts';
import { useMenuButton } from '../../ui/use-menu-button.ts';
import '../../ui/export-menu.css';

interface Props {
  doc: Y.Doc;
  source: ShapeSource;
  selection: ReadonlySet<string>;
  boardTitle: string;
  amiId: string;
  readOnly: boolean;
  /** The local origin, so that an import is one step of this user's undo. */
  origin: object;
  newId: () => string;
  /** Where the imported content's top-left corner lands (the middle of the view, say). */
  importAt: () => { x: number; y: number };
}

interface Item {
  action: ExportChoice | 'import';
  label: MessageKey;
  needsSelection: boolean;
}

const EXPORTS: readonly Item[] = [
  { action: 'png-board', label: 'boardExport.pngBoard', needsSelection: false },
  { action: 'png-selection', label: 'boardExport.pngSelection', needsSelection: true },
  { action: 'svg-board', label: 'boardExport.svgBoard', needsSelection: false },
  { action: 'svg-selection', label: 'boardExport.svgSelection', needsSelection: true },
  { action: 'pdf', label: 'boardExport.pdf', needsSelection: false },
  { action: 'json', label: 'boardExport.json', needsSelection: false },
];
const IMPORT: Item = { action: 'import', label: 'boardExport.import', needsSelection: false };

export function ExportMenu({ doc, source, selection, boardTitle, amiId, readOnly, origin, newId, importAt }: Props) {
  const { t } = useI18n();
  const hintId = useId();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  const items = readOnly ? EXPORTS : [...EXPORTS, IMPORT];
  const unavailable = (item: Item) => item.needsSelection && selection.size === 0;
  const menu = useMenuButton(items.map((item) => t(item.label)), busy);

  async function runExport(choice: ExportChoice) {
    setBusy(true);
    setError(null);
    setStatus(t('boardExport.busy'));
    try {
      const file = await buildExport(choice, {
        doc,
        shapes: [...source.all()],
        selection,
        boardTitle,
        amiId,
        untitledFrame: (position) => t('boardExport.untitledFrame', { position }),
        onProgress: (done, total) => setStatus(t('boardExport.progress', { done, total })),
        now: new Date(),
      });
      downloadBlob(file.blob, file.fileName);
      setStatus(t('boardExport.done', { file: file.fileName }));
    } catch {
      setStatus('');
      setError(t('boardExport.failed'));
    } finally {
      setBusy(false);
    }
  }

  function importProblem(outcome: Exclude<ImportOutcome, { ok: true }>): string {
    if (outcome.problem === 'invalid') return outcome.message;
    if (outcome.problem === 'too-large') return t('boardExport.importTooLarge', { max: MAX_IMPORT_BYTES / 1024 / 1024 });
    return t('boardExport.importNotJson');
  }

  async function runImport(file: File) {
    setBusy(true);
    setError(null);
    setStatus(t('boardExport.importBusy'));
    try {
      const outcome = await importBoardFile(doc, file, origin, newId, importAt());
      if (outcome.ok) {
        const count = outcome.ids.length;
        setStatus(count === 1 ? t('boardExport.imported.one') : t('boardExport.imported.other', { count }));
      } else {
        setStatus('');
        setError(importProblem(outcome));
      }
    } catch {
      setStatus('');
      setError(t('boardExport.importFailed'));
    } finally {
      setBusy(false);
    }
  }

  function activate(item: Item) {
    if (unavailable(item) || busy) return;
    menu.close();
    // Still within the user's click or key press, which the browser requires to open its file picker.
    if (item.action === 'import') fileRef.current?.click();
    else void runExport(item.action);
  }

  function onFileChosen(event: ChangeEvent<HTMLInputElement>) {
    const file = event.currentTarget.files?.[0];
    // Emptied so that choosing the same file again still counts as a change.
    event.currentTarget.value = '';
    if (file) void runImport(file);
  }

  return (
    <div className="export-menu" ref={menu.containerRef}>
      <button
        {...menu.triggerProps}
        type="button"
        className="button button--secondary button--small"
        aria-disabled={busy || undefined}
        aria-busy={busy || undefined}
      >
        {busy ? t('boardExport.busy') : t('boardExport.menu')}
      </button>
      {menu.open && (
        <ul {...menu.menuProps} aria-label={t('boardExport.menu')} className="export-menu__list">
          {items.map((item, index) => (
            <li key={item.action} role="none" className={item.action === 'import' ? 'export-menu__apart' : undefined}>
              <button
                {...menu.itemProps(index)}
                type="button"
                className="export-menu__item"
                aria-disabled={unavailable(item) || undefined}
                aria-describedby={unavailable(item) ? hintId : undefined}
                onClick={() => activate(item)}
              >
                {t(item.label)}
              </button>
            </li>
          ))}
        </ul>
      )}
      <span id={hintId} className="visually-hidden">
        {t('boardExport.needsSelection')}
      </span>
      {!readOnly && <input ref={fileRef} type="file" accept="application/json,.json" hidden onChange={onFileChosen} />}
      <p role="status" className="export-menu__status">
        {status}
      </p>
      <ActionAlert message={error} />
    </div>
  );
}
