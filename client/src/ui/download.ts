/** Saving an export: the browser's download of a Blob, under the name given. */

/**
 * Firefox and Safari may still be reading the Blob URL after `click()` returns; revoking it at
 * once can cancel the download, so the URL lives on a little.
 */
const REVOKE_AFTER_MS = 60_000;

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
