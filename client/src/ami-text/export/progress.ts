/**
 * Progress of an export, as the exporters report it: loading the library, laying out each
 * section, then writing the file. The menu shows it as a progress bar.
 */

export type ExportProgress =
  | { readonly step: 'loading' }
  | { readonly step: 'sections'; readonly done: number; readonly total: number }
  | { readonly step: 'finishing' };

export type ProgressListener = (progress: ExportProgress) => void;

/**
 * A share of the bar for each step. Writing the file is the longest step of a PDF (pdfmake breaks
 * lines and pages then) but cannot be followed, so it starts at 90 %.
 */
export function progressPercent(progress: ExportProgress): number {
  switch (progress.step) {
    case 'loading':
      return 5;
    case 'sections':
      return progress.total === 0 ? 90 : Math.round(10 + (80 * progress.done) / progress.total);
    case 'finishing':
      return 90;
  }
}

/** Lets the page paint the progress between two sections of a long export. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Lays out each section with `layOut`, reporting after each one and giving the page a turn, and
 * returns everything laid out, in order.
 */
export async function layOutSections<Section, Output>(
  sections: readonly Section[],
  layOut: (section: Section) => readonly Output[],
  onProgress: ProgressListener = () => {},
): Promise<Output[]> {
  const total = sections.length;
  const output: Output[] = [];
  onProgress({ step: 'sections', done: 0, total });
  for (const [index, section] of sections.entries()) {
    output.push(...layOut(section));
    onProgress({ step: 'sections', done: index + 1, total });
    await nextTask();
  }
  onProgress({ step: 'finishing' });
  return output;
}
