/**
 * Shapes on the system clipboard, across boards and browser tabs: as JSON under a type of our
 * own, with their text as plain text beside it for other applications. What is pasted is
 * untrusted (any page or program may have put it there): every shape goes through the shared
 * schema, and plain text becomes a sticky.
 */
import { ID_BYTES, idFromRandomBytes, keysBetween, MAX_TEXT_LENGTH, shapeSchema } from '@eprouvette/shared';
import { STICKY_SIZE } from '../engine/geometry/sticky.ts';
import type { Shape } from '../engine/shape-model.ts';

export const SHAPES_MIME = 'application/x-eprouvette-shapes';
const ENVELOPE = 'eprouvette/formes';
/** More than any board holds on screen; a larger paste is someone else's data. */
const MAX_PASTED_SHAPES = 5000;

export interface ClipboardContent {
  readonly json: string;
  readonly text: string;
}

/** What to put on the clipboard for these shapes. */
export function clipboardContent(shapes: readonly Shape[]): ClipboardContent {
  const texts = shapes.flatMap((shape) => {
    const text = 'text' in shape ? shape.text : shape.type === 'frame' ? shape.title : shape.type === 'image' ? shape.alt : '';
    return text.trim() === '' ? [] : [text.trim()];
  });
  return { json: JSON.stringify({ type: ENVELOPE, shapes }), text: texts.join('\n\n') };
}

/**
 * The last shapes copied in this tab, for when the system clipboard gives nothing back (a
 * browser that refuses access, a paste not coming from a keyboard shortcut).
 */
let lastCopied: ClipboardContent | null = null;

export function rememberCopied(content: ClipboardContent): void {
  lastCopied = content;
}

export function rememberedCopy(): ClipboardContent | null {
  return lastCopied;
}

export type Pasted = { readonly kind: 'shapes'; readonly shapes: Shape[] } | { readonly kind: 'text'; readonly text: string } | { readonly kind: 'nothing' };

function shapesFrom(json: string): Shape[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return [];
  }
  if (typeof parsed !== 'object' || parsed === null) return [];
  const { type, shapes } = parsed as Record<string, unknown>;
  if (type !== ENVELOPE || !Array.isArray(shapes)) return [];
  return shapes.slice(0, MAX_PASTED_SHAPES).flatMap((candidate) => {
    const result = shapeSchema.safeParse(candidate);
    return result.success ? [result.data] : [];
  });
}

/** Reads what was pasted: our shapes (the valid ones), else text, else nothing. */
export function readPasted(json: string | null, text: string | null): Pasted {
  const shapes = json === null ? [] : shapesFrom(json);
  if (shapes.length > 0) return { kind: 'shapes', shapes };
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? { kind: 'nothing' } : { kind: 'text', text: trimmed.slice(0, MAX_TEXT_LENGTH) };
}

/** A yellow sticky holding pasted text; the editor gives it its id, place and z when it pastes it. */
export function stickyFromText(text: string, author: string): Shape {
  return {
    id: idFromRandomBytes(crypto.getRandomValues(new Uint8Array(ID_BYTES))),
    type: 'sticky',
    x: 0,
    y: 0,
    w: STICKY_SIZE,
    h: STICKY_SIZE,
    z: keysBetween(null, null, 1)[0] ?? 'a1',
    parent: null,
    locked: false,
    author,
    color: 'jaune',
    text,
  };
}
