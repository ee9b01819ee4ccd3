import { describe, expect, it } from 'vitest';
import { ImageCache } from './image-cache.ts';

function fakeBitmap() {
  const bitmap = { closed: false, close: () => (bitmap.closed = true) };
  return bitmap;
}

describe('ImageCache', () => {
  it('loads an asset once, then hands out its bitmap and says so', async () => {
    const urls: string[] = [];
    const loaded: string[] = [];
    const bitmap = fakeBitmap();
    const cache = new ImageCache(
      (asset) => `/images/${asset}`,
      (asset) => loaded.push(asset),
      async (url) => {
        urls.push(url);
        return bitmap as unknown as ImageBitmap;
      },
    );
    expect(cache.get('abc')).toBeNull();
    expect(cache.get('abc')).toBeNull();
    await Promise.resolve();
    await Promise.resolve();
    expect(urls).toEqual(['/images/abc']);
    expect(loaded).toEqual(['abc']);
    expect(cache.get('abc')).toBe(bitmap);
    cache.dispose();
    expect(bitmap.closed).toBe(true);
  });

  it('does not ask again for an image that failed', async () => {
    let calls = 0;
    const cache = new ImageCache(
      (asset) => asset,
      () => {},
      async () => {
        calls++;
        throw new Error('404');
      },
    );
    cache.get('x');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(cache.get('x')).toBeNull();
    expect(calls).toBe(1);
  });
});
