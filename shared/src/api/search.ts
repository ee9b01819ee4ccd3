import { z } from 'zod';
import type { Id } from '../model/ids.ts';

/**
 * « Rechercher »: one search over everything the user may see — AMIs, boards and the text on them,
 * AMI texts, comments. `GET /api/search?q=…` answers the hits grouped by AMI, each with the words
 * that matched marked, and where to open it.
 */
export const SEARCH_QUERY_MIN_LENGTH = 2;
export const SEARCH_QUERY_MAX_LENGTH = 200;

export const searchQuerySchema = z.object({
  q: z
    .string({ error: 'Saisissez ce que vous cherchez.' })
    .trim()
    .min(SEARCH_QUERY_MIN_LENGTH, `Saisissez au moins ${SEARCH_QUERY_MIN_LENGTH} caractères.`)
    .max(SEARCH_QUERY_MAX_LENGTH, `Une recherche ne peut pas dépasser ${SEARCH_QUERY_MAX_LENGTH} caractères.`),
});

export type SearchQuery = z.infer<typeof searchQuerySchema>;

/**
 * What a hit is: an AMI (its title and summary), a board (its title), an item on a board (a sticky
 * note, a shape, a frame…), a passage of an AMI text, or a comment thread on a text or a board.
 */
export const SEARCH_HIT_KINDS = ['ami', 'board', 'board-item', 'text', 'comment'] as const;
export type SearchHitKind = (typeof SEARCH_HIT_KINDS)[number];

/** A piece of text; `marked` when it is one of the words searched for (shown in `<mark>`). */
export interface SnippetPart {
  text: string;
  marked: boolean;
}

/**
 * Where a hit opens, within its AMI: the AMI page; a board, centred on an item when there is one
 * (`?element=<shape id>`); the AMI text, scrolled to a block (`#bloc-<n>`, the n-th top-level
 * block of the text) when there is one.
 */
export type SearchTarget =
  | { page: 'ami' }
  | { page: 'board'; boardId: Id; element: string | null }
  | { page: 'text'; block: number | null };

export interface SearchHitView {
  kind: SearchHitKind;
  /**
   * The hit's heading, words searched for marked: the AMI's or the board's title, an item's
   * board title, a text passage's section heading (empty before the first heading), a comment's
   * author.
   */
  title: SnippetPart[];
  /** The board an item or a comment is on, by its current title; null for the others. */
  boardTitle: string | null;
  /** The passage around the first words found (the whole text when short), `…` where cut. */
  snippet: SnippetPart[];
  target: SearchTarget;
}

export interface SearchGroupView {
  ami: { id: Id; title: string };
  hits: SearchHitView[];
}

export interface SearchResultsView {
  query: string;
  /** Hits shown, over every group. */
  count: number;
  /** True when there were more hits than shown: the best ones are kept. */
  truncated: boolean;
  /** Groups in the order of their best hit; hits best first. */
  groups: SearchGroupView[];
}
