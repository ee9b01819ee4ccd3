import { describe, expect, it, vi } from 'vitest';
import { makeShape } from '../engine/testing/shapes.ts';
import { imageUrl } from '../shapes/image-url.ts';
import { bytesToDataUrl, embedImages } from './images.ts';

const PNG = 'a'.repeat(64);
const GONE = 'b'.repeat(64);
const SCRIPT = 'c'.repeat(64);

function fakeFetch(): typeof fetch {
  return vi.fn(async (input: string | URL | Request) => {
    const url = String(input);
    if (url.endsWith(PNG)) return new Response(new Uint8Array([1, 2, 3]), { headers: { 'Content-Type': 'image/png' } });
    if (url.endsWith(SCRIPT)) return new Response('<svg/>', { headers: { 'Content-Type': 'image/svg+xml' } });
    return new Response('', { status: 404 });
  }) as unknown as typeof fetch;
}

describe('bytesToDataUrl', () => {
  it('encodes bytes in base64', () => {
    expect(bytesToDataUrl(new Uint8Array([104, 105]), 'image/png')).toBe('data:image/png;base64,aGk=');
  });

  it('encodes a megabyte without overflowing the stack', () => {
    const url = bytesToDataUrl(new Uint8Array(1024 * 1024 + 2), 'image/jpeg');
    expect(url).toHaveLength('data:image/jpeg;base64,'.length + (4 * (1024 * 1024 + 2)) / 3);
  });
});

describe('embedImages', () => {
  it('fetches each asset once, with the session, and leaves out what failed or is not an image type', async () => {
    const fetchImage = fakeFetch();
    const shapes = [
      makeShape('image', { id: 'one', asset: PNG }),
      makeShape('image', { id: 'two', asset: PNG }),
      makeShape('image', { id: 'gone', asset: GONE }),
      makeShape('image', { id: 'svg', asset: SCRIPT }),
      makeShape('sticky', { id: 'note' }),
    ];
    const images = await embedImages(shapes, 'ami-1', fetchImage);
    expect(images).toEqual(new Map([[PNG, 'data:image/png;base64,AQID']]));
    expect(fetchImage).toHaveBeenCalledTimes(3);
    expect(fetchImage).toHaveBeenCalledWith(imageUrl('ami-1', PNG), { credentials: 'same-origin' });
  });

  it('survives a network failure', async () => {
    const failing = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    expect(await embedImages([makeShape('image', { id: 'one', asset: PNG })], 'ami-1', failing)).toEqual(new Map());
  });
});
