/**
 * A search as one user sees it: the index's candidates (already narrowed to the user's AMIs), each
 * decided again with `decide` on what it is on — the AMI, its text, the board — exactly as opening
 * it would be, then shaped for the results page.
 */
import type { Actor, Id, SearchGroupView, SearchHitKind, SearchHitView, SearchResultsView, SearchTarget } from '@eprouvette/shared';
import { can } from '@eprouvette/shared';
import { actorOn, amiResource, boardResource } from '../access/actors.ts';
import { getAmi, type AmiRecord } from '../records/amis.ts';
import { getBoard, type BoardRecord } from '../records/boards.ts';
import type { User } from '../records/users.ts';
import type { SqlClient } from '../storage/sql-client.ts';
import { queryStems } from './french-words.ts';
import { findCandidates, type SearchCandidate } from './search-records.ts';
import { markWords, snippet } from './snippet.ts';

/** Candidates asked of the database; some may then be refused. */
const CANDIDATE_LIMIT = 200;
/** Hits answered at most: the best ones. */
export const MAX_HITS = 50;

/** Where a hit is: its AMI, the user as `decide` sees them there, and its board when it is on one. */
export interface HitPlace {
  ami: AmiRecord;
  actor: Actor;
  board: BoardRecord | null;
}

/**
 * Whether the user may see a hit of `kind` at `place`: what opening it needs. Comments follow what
 * they are on (a board's comments its `board.view`, the text's `amiText.view`).
 */
export function mayView(kind: SearchHitKind, { ami, actor, board }: HitPlace): boolean {
  if (board !== null) return kind !== 'ami' && kind !== 'text' && can(actor, 'board.view', boardResource(ami, board));
  if (kind === 'ami') return can(actor, 'ami.view', amiResource(ami));
  return (kind === 'text' || kind === 'comment') && can(actor, 'amiText.view', amiResource(ami));
}

const blockOf = (focus: string | null) => (focus === null ? null : Number(focus));

function targetOf(candidate: SearchCandidate, board: BoardRecord | null): SearchTarget {
  if (board !== null) return { page: 'board', boardId: board.id, element: candidate.kind === 'board' ? null : candidate.focus };
  return candidate.kind === 'ami' ? { page: 'ami' } : { page: 'text', block: blockOf(candidate.focus) };
}

/** The hit as the page shows it; titles of AMIs and boards as they are now, not as indexed. */
export function hitView(candidate: SearchCandidate, { ami, board }: HitPlace, terms: readonly string[]): SearchHitView {
  const title = candidate.kind === 'ami' ? ami.title : candidate.kind === 'board' ? (board?.title ?? candidate.title) : candidate.label;
  return {
    kind: candidate.kind,
    title: markWords(title, terms),
    boardTitle: candidate.kind === 'board' ? null : (board?.title ?? null),
    snippet: snippet(candidate.body, terms),
    target: targetOf(candidate, board),
  };
}

/** Loads each AMI and board once per search; null for one that no longer exists. */
class Places {
  private readonly amis = new Map<Id, Promise<{ ami: AmiRecord; actor: Actor } | null>>();
  private readonly boards = new Map<Id, Promise<BoardRecord | null>>();

  constructor(
    private readonly sql: SqlClient,
    private readonly user: User,
  ) {}

  async of(candidate: SearchCandidate): Promise<HitPlace | null> {
    const onAmi = await this.ami(candidate.amiId);
    if (onAmi === null) return null;
    if (candidate.boardId === null) return { ...onAmi, board: null };
    const board = await this.board(candidate.amiId, candidate.boardId);
    return board === null ? null : { ...onAmi, board };
  }

  private ami(amiId: Id) {
    let loaded = this.amis.get(amiId);
    if (loaded === undefined) {
      loaded = (async () => {
        const ami = await getAmi(this.sql, amiId);
        const actor = ami === null ? null : await actorOn(this.sql, this.user, amiId);
        return ami === null || actor === null ? null : { ami, actor };
      })();
      this.amis.set(amiId, loaded);
    }
    return loaded;
  }

  private board(amiId: Id, boardId: Id) {
    let loaded = this.boards.get(boardId);
    if (loaded === undefined) {
      loaded = getBoard(this.sql, amiId, boardId);
      this.boards.set(boardId, loaded);
    }
    return loaded;
  }
}

/** The user's search for `query`: the hits they may see, best first, grouped by AMI. */
export async function searchFor(sql: SqlClient, user: User, query: string): Promise<SearchResultsView> {
  const terms = queryStems(query);
  const candidates = await findCandidates(sql, query, terms, { userId: user.id, platformAdmin: user.platformAdmin }, CANDIDATE_LIMIT);
  const places = new Places(sql, user);
  const groups = new Map<Id, SearchGroupView>();
  let count = 0;
  let truncated = candidates.length === CANDIDATE_LIMIT;
  for (const candidate of candidates) {
    const place = await places.of(candidate);
    if (place === null || !mayView(candidate.kind, place)) continue;
    if (count === MAX_HITS) {
      truncated = true;
      break;
    }
    let group = groups.get(place.ami.id);
    if (group === undefined) {
      group = { ami: { id: place.ami.id, title: place.ami.title }, hits: [] };
      groups.set(place.ami.id, group);
    }
    group.hits.push(hitView(candidate, place, terms));
    count += 1;
  }
  return { query, count, truncated, groups: [...groups.values()] };
}
