/**
 * The passage a search result shows, with the words searched for marked. Computed here from the
 * stored text for both databases, so that SQLite and PostgreSQL answer the same snippets, as plain
 * parts: the client renders `<mark>` itself and no stored text ever travels as HTML.
 */
import type { SnippetPart } from '@eprouvette/shared';
import { isStopWord, stem, words } from './french-words.ts';

/** About two lines of the results page. */
export const SNIPPET_LENGTH = 220;
/** Context kept before the first word found. */
const LEAD = 60;
const ELLIPSIS = '…';

/** `text` cut into parts, the words whose stem is searched for marked. */
export function markWords(text: string, terms: readonly string[]): SnippetPart[] {
  const wanted = new Set(terms);
  const parts: SnippetPart[] = [];
  let at = 0;
  const push = (part: string, marked: boolean) => {
    if (part === '') return;
    const last = parts.at(-1);
    if (last !== undefined && last.marked === marked && !marked) last.text += part;
    else parts.push({ text: part, marked });
  };
  for (const word of words(text)) {
    if (isStopWord(word.folded) || !wanted.has(stem(word.folded))) continue;
    push(text.slice(at, word.start), false);
    push(text.slice(word.start, word.end), true);
    at = word.end;
  }
  push(text.slice(at), false);
  return parts;
}

/** Lines of the stored text become spaces: a snippet reads as one line. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The window of `text` to show: from a little before the first word found, cut at word boundaries. */
function window(text: string, terms: readonly string[]): { from: number; to: number } {
  if (text.length <= SNIPPET_LENGTH) return { from: 0, to: text.length };
  const all = words(text);
  const first = all.find((word) => !isStopWord(word.folded) && terms.includes(stem(word.folded)));
  const wantedFrom = Math.max(0, (first?.start ?? 0) - LEAD);
  // Start on a word (the first one at or after the wanted start) and end after the last whole word.
  const from = wantedFrom === 0 ? 0 : (all.find((word) => word.start >= wantedFrom)?.start ?? wantedFrom);
  const limit = Math.min(text.length, from + SNIPPET_LENGTH);
  const to = limit === text.length ? limit : (all.filter((word) => word.end <= limit).at(-1)?.end ?? limit);
  return { from, to };
}

/** The passage to show for a hit on `text`, searched words marked, `…` where the text was cut. */
export function snippet(text: string, terms: readonly string[]): SnippetPart[] {
  const line = oneLine(text);
  const { from, to } = window(line, terms);
  return markWords(`${from > 0 ? ELLIPSIS : ''}${line.slice(from, to)}${to < line.length ? ELLIPSIS : ''}`, terms);
}
