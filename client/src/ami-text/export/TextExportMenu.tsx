/**
 * « Exporter » on the AMI text: Word, PDF or Markdown, with a title page from the AMI's facts. A
 * menu button after the WAI-ARIA pattern (`ui/use-menu-button.ts`); while an export runs, a
 * progress bar follows its steps (loading the tool, laying out each section, finishing), and
 * what came of it is announced. What shows under the button floats over the page, so that the
 * toolbar row it sits in does not move.
 */
import type { AmiSummaryView } from '@eprouvette/shared';
import { useId, useLayoutEffect, useState } from 'react';
import type * as Y from 'yjs';
import { useI18n, type MessageKey, type Translate } from '../../i18n/index.ts';
import { ActionAlert } from '../../ui/ActionAlert.tsx';
import { downloadBlob } from '../../ui/download.ts';
import { useMenuButton } from '../../ui/use-menu-button.ts';
import { buildTextExport, ExportToolUnavailable, type TextExportFormat } from './build.ts';
import { exportMetaOf } from './export-meta.ts';
import { progressPercent, type ExportProgress } from './progress.ts';
import '../../ui/export-menu.css';
import './text-export-menu.css';

interface Props {
  /** The AMI text document (the live one; a version's works the same). */
  doc: Y.Doc;
  /** Whether the document holds the server's text yet (an export before would be empty or partial). */
  loaded: boolean;
  ami: AmiSummaryView;
  /** Names the version on the title page when `doc` is a version's rather than the live text. */
  version?: string;
}

const ITEMS: readonly { format: TextExportFormat; label: MessageKey }[] = [
  { format: 'docx', label: 'textExport.docx' },
  { format: 'pdf', label: 'textExport.pdf' },
  { format: 'markdown', label: 'textExport.markdown' },
];

function progressLabel(progress: ExportProgress, t: Translate): string {
  switch (progress.step) {
    case 'loading':
      return t('textExport.step.loading');
    case 'sections':
      return t('textExport.step.sections', { done: progress.done, total: progress.total });
    case 'finishing':
      return t('textExport.step.finishing');
  }
}

export function TextExportMenu({ doc, loaded, ami, version }: Props) {
  const { t, lang } = useI18n();
  const hintId = useId();
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const busy = progress !== null;
  const unavailable = !loaded;
  const menu = useMenuButton(ITEMS.map((item) => t(item.label)), busy || unavailable);
  const [opensRightwards, setOpensRightwards] = useState(false);

  // The toolbar row puts the button at its right end, or, on a narrow screen, wraps it to the
  // left edge: the list and the progress open towards the side with room.
  useLayoutEffect(() => {
    const box = menu.containerRef.current?.getBoundingClientRect();
    if (menu.open && box) setOpensRightwards(box.left + box.width / 2 < window.innerWidth / 2);
  }, [menu.open, menu.containerRef]);

  async function run(format: TextExportFormat) {
    setError(null);
    setStatus(t('textExport.busy'));
    setProgress({ step: 'loading' });
    try {
      const file = await buildTextExport(format, { doc, meta: exportMetaOf(ami, lang, new Date(), version), onProgress: setProgress });
      downloadBlob(file.blob, file.fileName);
      setStatus(t('textExport.done', { file: file.fileName }));
    } catch (failure) {
      setStatus('');
      setError(t(failure instanceof ExportToolUnavailable ? 'textExport.toolUnavailable' : 'textExport.failed'));
    } finally {
      setProgress(null);
    }
  }

  function activate(format: TextExportFormat) {
    menu.close();
    if (!busy && !unavailable) void run(format);
  }

  const percent = progress ? progressPercent(progress) : 0;
  return (
    <div className={`export-menu text-export-menu${opensRightwards ? ' text-export-menu--rightwards' : ''}`} ref={menu.containerRef}>
      <button
        {...menu.triggerProps}
        type="button"
        className="button button--secondary button--small"
        aria-disabled={busy || unavailable || undefined}
        aria-busy={busy || undefined}
        aria-describedby={unavailable ? hintId : undefined}
      >
        {busy ? t('textExport.busy') : t('textExport.menu')}
      </button>
      {menu.open && (
        <ul {...menu.menuProps} aria-label={t('textExport.menu')} className="export-menu__list">
          {ITEMS.map((item, index) => (
            <li key={item.format} role="none">
              <button {...menu.itemProps(index)} type="button" className="export-menu__item" onClick={() => activate(item.format)}>
                {t(item.label)}
              </button>
            </li>
          ))}
        </ul>
      )}
      <span id={hintId} className="visually-hidden">
        {t('textExport.notLoaded')}
      </span>
      {progress && (
        <div className="text-export-progress">
          <div
            role="progressbar"
            className="text-export-progress__track"
            aria-label={t('textExport.progress')}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            aria-valuetext={progressLabel(progress, t)}
          >
            <div className="text-export-progress__bar" style={{ width: `${percent}%` }} />
          </div>
          <span className="text-export-progress__label" aria-hidden="true">
            {progressLabel(progress, t)}
          </span>
        </div>
      )}
      {/* The browser shows the saved file; this says it to screen readers. */}
      <p role="status" className="visually-hidden">
        {status}
      </p>
      <ActionAlert message={error} />
    </div>
  );
}
