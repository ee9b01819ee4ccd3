/**
 * Board images inlined as data URLs before an export. They are served to members only, so a
 * downloaded SVG pointing at their address would show nothing; and a canvas that draws an image
 * from an address is tainted and cannot give a PNG. Fetched once per asset, with the session.
 */
import type { Shape } from '../engine/shape-model.ts';
import { imageUrl } from '../shapes/image-url.ts';

/** The types the server accepts for board images (SVG is refused there, and so here). */
const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/** Base64 is built by chunks: spreading megabytes of bytes into one call overflows the stack. */
const CHUNK = 0x8000;

export function bytesToDataUrl(bytes: Uint8Array, mime: string): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += CHUNK) binary += String.fromCharCode(...bytes.subarray(start, start + CHUNK));
  return `data:${mime};base64,${btoa(binary)}`;
}

async function fetchAsDataUrl(url: string, fetchImage: typeof fetch): Promise<string | null> {
  try {
    const response = await fetchImage(url, { credentials: 'same-origin' });
    const mime = (response.headers.get('Content-Type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (!response.ok || !IMAGE_TYPES.has(mime)) return null;
    return bytesToDataUrl(new Uint8Array(await response.arrayBuffer()), mime);
  } catch {
    // An image that cannot be had becomes a placeholder: the rest of the board is still exported.
    return null;
  }
}

/** Data URLs of the images among `shapes`, by asset hash; an asset that failed is absent. */
export async function embedImages(shapes: readonly Shape[], amiId: string, fetchImage: typeof fetch = fetch): Promise<Map<string, string>> {
  const assets = new Set(shapes.flatMap((shape) => (shape.type === 'image' ? [shape.asset] : [])));
  const loaded = await Promise.all([...assets].map(async (hash) => [hash, await fetchAsDataUrl(imageUrl(amiId, hash), fetchImage)] as const));
  return new Map(loaded.flatMap(([hash, url]) => (url === null ? [] : [[hash, url] as const])));
}
