/**
 * « Exporter en CSV » and « Exporter en PDF »: the results as shown, for the selection committee.
 * The PDF's code and pdfmake load at the first PDF, as for the AMI text's export.
 */
import { useState } from 'react';
import type { AmiDetailView, ResultsView } from '@eprouvette/shared';
import { exportMetaOf } from '../ami-text/export/export-meta.ts';
import { useI18n } from '../i18n/index.ts';
import { ActionAlert } from '../ui/ActionAlert.tsx';
import { downloadBlob } from '../ui/download.ts';
import { resultsCsv } from './export/results-csv.ts';
import { resultsFileName, type ResultsExtension } from './export/results-table.ts';

async function pdfOf(results: ResultsView, ami: AmiDetailView, lang: 'fr' | 'en', now: Date): Promise<Blob> {
  const { resultsPdf } = await import('./export/results-pdf.ts');
  const bytes = await resultsPdf(results, exportMetaOf(ami, lang, now));
  return new Blob([bytes.slice()], { type: 'application/pdf' });
}

export function ResultsExport({ ami, results }: { ami: AmiDetailView; results: ResultsView }) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function run(extension: ResultsExtension) {
    setBusy(true);
    setError(null);
    setStatus(t('evaluation.export.busy'));
    const now = new Date();
    try {
      const blob = extension === 'csv' ? resultsCsv(results, lang) : await pdfOf(results, ami, lang, now);
      const fileName = resultsFileName(ami.title, now, extension, lang);
      downloadBlob(blob, fileName);
      setStatus(t('evaluation.export.done', { file: fileName }));
    } catch {
      setStatus('');
      setError(t('textExport.toolUnavailable'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="evaluation-export">
      <div className="button-row">
        <button type="button" className="button button--secondary button--small" disabled={busy} onClick={() => void run('csv')}>
          {t('evaluation.export.csv')}
        </button>
        <button type="button" className="button button--secondary button--small" disabled={busy} onClick={() => void run('pdf')}>
          {t('evaluation.export.pdf')}
        </button>
      </div>
      <p role="status" className="small muted evaluation-export__status">
        {status}
      </p>
      <ActionAlert message={error} />
    </div>
  );
}
