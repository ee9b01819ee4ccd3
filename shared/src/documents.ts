/**
 * Names of the Yjs documents the sync endpoint serves (`/sync/<name>`). Names travel in URLs and
 * are keys in storage, so they are restricted to a small, URL-safe alphabet.
 */
export const DOCUMENT_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

export function isValidDocumentName(name: string): boolean {
  return DOCUMENT_NAME_PATTERN.test(name);
}
