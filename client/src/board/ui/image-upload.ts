/**
 * Images pasted or dropped on the board: sent to the server as raw bytes (it sniffs the type,
 * limits the size and stores them by hash), then placed as an image shape.
 */
import { ID_BYTES, idFromRandomBytes, keysBetween, MAX_IMAGE_BYTES } from '@eprouvette/shared';
import { api, call } from '../../api/client.ts';
import type { ShapeOf } from '../engine/shape-model.ts';

/** Longest side of a new image on the board, in world units: big enough to read, small enough to place. */
const NEW_IMAGE_SIZE = 480;

export type UploadResult = { readonly ok: true; readonly hash: string } | { readonly ok: false; readonly message: string };

export function isImageFile(file: File): boolean {
  return file.type.startsWith('image/');
}

export async function uploadImage(amiId: string, boardId: string, file: Blob, tooLarge: string): Promise<UploadResult> {
  if (file.size > MAX_IMAGE_BYTES) return { ok: false, message: tooLarge };
  const result = await call(() =>
    api.amis[':amiId'].boards[':boardId'].images.$post({ param: { amiId, boardId } }, { init: { body: file, headers: { 'Content-Type': file.type || 'application/octet-stream' } } }),
  );
  return result.ok ? { ok: true, hash: result.data.hash } : { ok: false, message: result.failure.message };
}

/** The image's size on the board: its own aspect, its longest side `NEW_IMAGE_SIZE` at most. */
export function fitImageSize(width: number, height: number, longest = NEW_IMAGE_SIZE): { w: number; h: number } {
  if (width <= 0 || height <= 0) return { w: longest, h: longest };
  const scale = Math.min(1, longest / Math.max(width, height));
  return { w: Math.round(width * scale), h: Math.round(height * scale) };
}

/** The picture's own size in pixels, or null when the browser cannot decode it. */
export async function pictureSize(file: Blob): Promise<{ width: number; height: number } | null> {
  try {
    const bitmap = await createImageBitmap(file);
    const size = { width: bitmap.width, height: bitmap.height };
    bitmap.close();
    return size;
  } catch {
    return null;
  }
}

/** An image shape for an uploaded asset; the editor gives it its id, place and z when it pastes it. */
export function imageShape(hash: string, size: { w: number; h: number }, alt: string, author: string): ShapeOf<'image'> {
  return {
    id: idFromRandomBytes(crypto.getRandomValues(new Uint8Array(ID_BYTES))),
    type: 'image',
    x: 0,
    y: 0,
    ...size,
    z: keysBetween(null, null, 1)[0] ?? 'a1',
    parent: null,
    locked: false,
    author,
    asset: hash,
    alt: alt.slice(0, 500),
  };
}

/** A file's name without its extension, as a first description of the picture. */
export function altFromFileName(name: string): string {
  return name.replace(/\.[a-z0-9]{1,5}$/i, '').replace(/[_-]+/g, ' ').trim();
}
