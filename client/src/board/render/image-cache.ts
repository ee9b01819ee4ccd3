/**
 * Board images, each fetched and decoded once for the page's life (they are content-addressed,
 * so an asset never changes); the painter draws a placeholder until its bitmap is there, and the
 * renderer redraws the shapes showing it once it arrives.
 */
import type { ImageSource } from './painters/painter.ts';

export type LoadBitmap = (url: string) => Promise<ImageBitmap>;

async function loadBitmap(url: string): Promise<ImageBitmap> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`image ${url}: ${response.status}`);
  return createImageBitmap(await response.blob());
}

export class ImageCache implements ImageSource {
  private readonly entries = new Map<string, ImageBitmap | 'loading' | 'failed'>();
  private disposed = false;

  constructor(
    private readonly urlFor: (asset: string) => string,
    private readonly onLoad: (asset: string) => void,
    private readonly load: LoadBitmap = loadBitmap,
  ) {}

  /** The decoded image, or null while it loads or if it failed (then it is not asked again). */
  get(asset: string): ImageBitmap | null {
    const entry = this.entries.get(asset);
    if (entry === undefined) {
      this.entries.set(asset, 'loading');
      this.load(this.urlFor(asset)).then(
        (bitmap) => {
          if (this.disposed) return bitmap.close();
          this.entries.set(asset, bitmap);
          this.onLoad(asset);
        },
        () => this.entries.set(asset, 'failed'),
      );
      return null;
    }
    return typeof entry === 'string' ? null : entry;
  }

  dispose(): void {
    this.disposed = true;
    for (const entry of this.entries.values()) if (typeof entry !== 'string') entry.close();
    this.entries.clear();
  }
}
