/**
 * The name an export is saved under: « <titre du tableau>-<date>.<ext> », so that exports of one
 * board sort together and by day. Board titles are free text, so anything a file system refuses
 * (or reads as a path) is taken out; accents stay, every current system stores them.
 */

export type ExportExtension = 'png' | 'svg' | 'pdf' | 'json';

const MAX_TITLE_LENGTH = 80;
const FALLBACK_TITLE = 'tableau';
// Path separators, characters Windows forbids, and control characters.
const UNSAFE = /[\u0000-\u001F\u007F<>:"/\\|?*]/g;

export function fileSafeTitle(title: string): string {
  const cleaned = title.normalize('NFC').replace(UNSAFE, ' ').replace(/\s+/g, ' ');
  // Leading dots hide a file on Unix, trailing ones are dropped by Windows.
  const trimmed = cleaned.replace(/^[\s.]+|[\s.]+$/g, '');
  const short = Array.from(trimmed).slice(0, MAX_TITLE_LENGTH).join('').trimEnd();
  return short === '' ? FALLBACK_TITLE : short;
}

/** The day in the reader's time zone, as the file's readers count days. */
export function fileDate(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function exportFileName(boardTitle: string, date: Date, extension: ExportExtension): string {
  return `${fileSafeTitle(boardTitle)}-${fileDate(date)}.${extension}`;
}
