/**
 * One choice of the export menu turned into the file to save: which shapes, which format, which
 * name. Runs in the browser: it measures text with a canvas, fetches the images and rasterises.
 */
import type * as Y from 'yjs';
import { exportBoardJson } from '@eprouvette/shared';
import type { Shape } from '../engine/shape-model.ts';
import { canvasMeasure } from '../text/text-measure.ts';
import { exportFileName, type ExportExtension } from './file-name.ts';
import { embedImages } from './images.ts';
import { boardToPdf } from './pdf.ts';
import { svgToPng } from './png.ts';
import { boardToSvg, exportScope } from './svg.ts';

export type ExportChoice = 'png-board' | 'png-selection' | 'svg-board' | 'svg-selection' | 'pdf' | 'json';

export interface ExportInput {
  doc: Y.Doc;
  shapes: readonly Shape[];
  selection: ReadonlySet<string>;
  boardTitle: string;
  amiId: string;
  untitledFrame: (position: number) => string;
  onProgress?: (done: number, total: number) => void;
  now: Date;
}

export interface ExportFile {
  blob: Blob;
  fileName: string;
}

/** Sharp on high-density screens and when zoomed in, within the raster limits of `png.ts`. */
const RASTER_SCALE = 2;
const PADDING = 32;

async function pngBytes(svg: string, box: { w: number; h: number }): Promise<Uint8Array> {
  return new Uint8Array(await (await svgToPng(svg, box, RASTER_SCALE)).arrayBuffer());
}

export async function buildExport(choice: ExportChoice, input: ExportInput): Promise<ExportFile> {
  const named = (extension: ExportExtension) => exportFileName(input.boardTitle, input.now, extension);
  if (choice === 'json') {
    const json = JSON.stringify(exportBoardJson(input.doc), null, 2);
    return { blob: new Blob([json], { type: 'application/json' }), fileName: named('json') };
  }
  const only = choice === 'png-selection' || choice === 'svg-selection' ? input.selection : undefined;
  const images = await embedImages(exportScope(input.shapes, only), input.amiId);
  const drawing = { imageHref: (hash: string) => images.get(hash) ?? null, measure: canvasMeasure() };
  if (choice === 'pdf') {
    const bytes = await boardToPdf(input.shapes, {
      ...drawing,
      title: input.boardTitle,
      untitledFrame: input.untitledFrame,
      rasterise: ({ svg, box }) => pngBytes(svg, box),
      onPage: input.onProgress,
    });
    return { blob: new Blob([bytes.slice()], { type: 'application/pdf' }), fileName: named('pdf') };
  }
  const { svg, box } = boardToSvg(input.shapes, { ...drawing, only, padding: PADDING, title: input.boardTitle });
  if (choice === 'svg-board' || choice === 'svg-selection') {
    return { blob: new Blob([svg], { type: 'image/svg+xml' }), fileName: named('svg') };
  }
  return { blob: await svgToPng(svg, box, RASTER_SCALE), fileName: named('png') };
}
