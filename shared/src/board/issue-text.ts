/**
 * Validation problems in French: the reasons a remote shape is skipped and the errors of a board
 * import reach users (a notice on the board, the import dialog), so they speak their language.
 */
import { z } from 'zod';

/** Zod's French messages, passed per parse: the global zod configuration belongs to the apps. */
export const frenchErrors = z.locales.fr().localeError;

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index > 0 ? '.' : ''}${String(key)}`)).join('');
}

/** The first `limit` problems, one phrase each, with the count of the others. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], limit = 3): string {
  const shown = issues.slice(0, limit).map((issue) => (issue.path.length > 0 ? `${formatPath(issue.path)} : ${issue.message}` : issue.message));
  const others = issues.length - shown.length;
  const more = others > 0 ? ` (et ${others} autre${others > 1 ? 's' : ''} problème${others > 1 ? 's' : ''})` : '';
  return shown.join(' ; ') + more;
}
