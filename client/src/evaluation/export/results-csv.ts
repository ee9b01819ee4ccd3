/** The results as a spreadsheet French Excel opens with a double click (see `csvDocument`). */
import type { ResultsView } from '@eprouvette/shared';
import { csvDocument } from '@eprouvette/shared';
import type { Lang } from '../../i18n/index.ts';
import { resultsTable } from './results-table.ts';

export function resultsCsv(results: ResultsView, lang: Lang): Blob {
  return new Blob([csvDocument(resultsTable(results, lang))], { type: 'text/csv;charset=utf-8' });
}
