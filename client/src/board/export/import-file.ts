/**
 * A board JSON file chosen by the user, added to the board (see `importBoardJson`). What can go
 * wrong is told apart so the menu can say it in French: the file is too big, is not JSON, or is
 * JSON but not a board export (the shared importer's own message then says why).
 */
import type * as Y from 'yjs';
import { BoardImportError, importBoardJson, type Point } from '@eprouvette/shared';

/**
 * Refused before reading: parsing and validating a bigger file would freeze the page, and the
 * server would refuse the single change it makes anyway (10 MiB per update by default).
 */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export type ImportOutcome =
  | { ok: true; ids: string[] }
  | { ok: false; problem: 'too-large' | 'not-json' }
  | { ok: false; problem: 'invalid'; message: string };

export async function importBoardFile(doc: Y.Doc, file: Blob, origin: unknown, newId: () => string, at: Point): Promise<ImportOutcome> {
  if (file.size > MAX_IMPORT_BYTES) return { ok: false, problem: 'too-large' };
  let json: unknown;
  try {
    json = JSON.parse(await file.text());
  } catch {
    return { ok: false, problem: 'not-json' };
  }
  try {
    return { ok: true, ids: importBoardJson(doc, json, origin, newId, at) };
  } catch (error) {
    if (error instanceof BoardImportError) return { ok: false, problem: 'invalid', message: error.message };
    throw error;
  }
}
