/**
 * One choice of the text's export menu turned into the file to save. The exporters and their
 * libraries are loaded on demand, so the editor page does not carry them.
 */
import type * as Y from 'yjs';
import { textExportFileName, type TextExportExtension, type TextExportMeta } from './export-meta.ts';
import type { ProgressListener } from './progress.ts';
import { textModelOf, type TextModel } from './text-model.ts';

export type TextExportFormat = 'docx' | 'pdf' | 'markdown';

type Exporter = (model: TextModel, meta: TextExportMeta, onProgress?: ProgressListener) => Promise<Uint8Array | string>;

const FORMATS: Record<TextExportFormat, { extension: TextExportExtension; type: string; load: () => Promise<Exporter> }> = {
  docx: {
    extension: 'docx',
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    load: async () => (await import('./docx.ts')).toDocx,
  },
  pdf: {
    extension: 'pdf',
    type: 'application/pdf',
    load: async () => {
      const pdf = await import('./pdf.ts');
      // pdfmake and its font are part of the tool: a failure to fetch them is said as such.
      await pdf.loadPdfMake();
      return pdf.toPdf;
    },
  },
  markdown: { extension: 'md', type: 'text/markdown;charset=utf-8', load: async () => (await import('./markdown.ts')).toMarkdown },
};

/** The export code could not be fetched (offline, or a new release replaced the files). */
export class ExportToolUnavailable extends Error {
  constructor(cause: unknown) {
    super('export tool unavailable', { cause });
  }
}

export interface TextExportFile {
  blob: Blob;
  fileName: string;
}

export async function buildTextExport(
  format: TextExportFormat,
  input: { doc: Y.Doc; meta: TextExportMeta; onProgress?: ProgressListener },
): Promise<TextExportFile> {
  const { extension, type, load } = FORMATS[format];
  // The text as it is when asked for: edits made while the export runs go into the next one.
  const model = textModelOf(input.doc);
  input.onProgress?.({ step: 'loading' });
  let exporter: Exporter;
  try {
    exporter = await load();
  } catch (error) {
    throw new ExportToolUnavailable(error);
  }
  const content = await exporter(model, input.meta, input.onProgress);
  return {
    blob: new Blob([typeof content === 'string' ? content : content.slice()], { type }),
    fileName: textExportFileName(input.meta.title, input.meta.exportedAt, extension),
  };
}
