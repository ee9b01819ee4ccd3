/**
 * An exported SVG rasterised to PNG by the browser: the SVG is drawn as an image onto a canvas at
 * the chosen scale. Images in the SVG must already be data URLs (see `images.ts`), or the canvas
 * is tainted and refuses to give its pixels.
 */

export interface RasterLimits {
  maxSide: number;
  maxPixels: number;
}

/**
 * Beyond about 16.7 million pixels Safari gives a blank canvas without an error, and other
 * browsers fail further on; a huge board is exported at a lower scale rather than not at all.
 */
const RASTER_LIMITS: RasterLimits = { maxSide: 8192, maxPixels: 16_777_216 };

export interface RasterSize {
  width: number;
  height: number;
  /** The scale actually used: the one asked for, or less to stay within the limits. */
  scale: number;
}

export function rasterSize(size: { w: number; h: number }, scale: number, limits: RasterLimits = RASTER_LIMITS): RasterSize {
  const w = Math.max(size.w, 1);
  const h = Math.max(size.h, 1);
  const fitted = Math.min(scale, limits.maxSide / Math.max(w, h), Math.sqrt(limits.maxPixels / (w * h)));
  return { width: Math.max(1, Math.floor(w * fitted)), height: Math.max(1, Math.floor(h * fitted)), scale: fitted };
}

function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png');
  });
}

/** `svg` (whose own size is `size` CSS pixels) as a PNG `scale` times larger, within the limits. */
export async function svgToPng(svg: string, size: { w: number; h: number }, scale: number): Promise<Blob> {
  const { width, height } = rasterSize(size, scale);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('No 2D canvas available');
    context.drawImage(image, 0, 0, width, height);
    return await canvasToPng(canvas);
  } finally {
    URL.revokeObjectURL(url);
  }
}
