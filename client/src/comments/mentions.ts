/**
 * « @Nom » in a comment: finding what is being typed after an @, proposing members, inserting the
 * chosen one, and reading the mentions back out of a message for display.
 */
import type { CommentPerson } from '@eprouvette/shared';

export interface MentionQuery {
  /** Index of the « @ ». */
  start: number;
  /** What follows it, up to the caret. */
  query: string;
}

/** Names have spaces, so a query may too; beyond this it is a sentence, not a name. */
const MAX_QUERY_LENGTH = 40;
export const MAX_PROPOSALS = 8;

/** Lower case without accents, so « @eloise » finds Éloïse. */
export function foldName(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('fr');
}

/**
 * The « @… » being typed just before the caret, or null. An @ inside a word (an e-mail address)
 * starts nothing; neither does one followed by a space, nor one already completed into the name
 * of someone in `chosen`.
 */
export function mentionQueryAt(text: string, caret: number, chosen: readonly CommentPerson[] = []): MentionQuery | null {
  const before = text.slice(0, caret);
  const start = before.lastIndexOf('@');
  if (start < 0 || (start > 0 && !/[\s(«"']/.test(before[start - 1]!))) return null;
  const query = before.slice(start + 1);
  if (query.length > MAX_QUERY_LENGTH || /^\s|[\n@]/.test(query)) return null;
  if (chosen.some((person) => query.startsWith(`${person.name} `))) return null;
  return { start, query };
}

/** Members whose name has a word starting with each word of the query, in the list's order. */
export function matchingPeople(people: readonly CommentPerson[], query: string, limit = MAX_PROPOSALS): CommentPerson[] {
  const words = foldName(query).split(/\s+/).filter((word) => word !== '');
  return people
    .filter((person) => {
      const nameWords = foldName(person.name).split(/[\s'’-]+/);
      return words.every((word) => nameWords.some((nameWord) => nameWord.startsWith(word)));
    })
    .slice(0, limit);
}

/** The text with the query replaced by « @Nom », and where the caret goes (after a space). */
export function insertMention(text: string, mention: MentionQuery, caret: number, person: CommentPerson): { text: string; caret: number } {
  const inserted = `@${person.name} `;
  const after = text.slice(caret).replace(/^ /, '');
  return { text: text.slice(0, mention.start) + inserted + after, caret: mention.start + inserted.length };
}

/** The chosen people still named in the text (one may have deleted a mention after choosing it). */
export function mentionedIn(text: string, chosen: readonly CommentPerson[]): CommentPerson[] {
  const seen = new Set<string>();
  return chosen.filter((person) => {
    if (seen.has(person.id) || !text.includes(`@${person.name}`)) return false;
    seen.add(person.id);
    return true;
  });
}

export type MessagePart = { kind: 'text'; text: string } | { kind: 'mention'; person: CommentPerson };

/** A message cut into plain text and « @Nom » of the people it mentions, for display. */
export function messageParts(text: string, mentions: readonly CommentPerson[]): MessagePart[] {
  // Longest names first, so that « @Anne Marie » wins over « @Anne ».
  const names = [...mentions].sort((a, b) => b.name.length - a.name.length);
  const parts: MessagePart[] = [];
  let rest = text;
  for (;;) {
    let next: { index: number; person: CommentPerson } | null = null;
    for (const person of names) {
      const index = rest.indexOf(`@${person.name}`);
      if (index >= 0 && (next === null || index < next.index)) next = { index, person };
    }
    if (next === null) break;
    if (next.index > 0) parts.push({ kind: 'text', text: rest.slice(0, next.index) });
    parts.push({ kind: 'mention', person: next.person });
    rest = rest.slice(next.index + next.person.name.length + 1);
  }
  if (rest !== '') parts.push({ kind: 'text', text: rest });
  return parts;
}
