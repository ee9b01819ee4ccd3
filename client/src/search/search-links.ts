/**
 * Where a search result opens, and how the page it opens finds the place: a board centred on an
 * item (`?element=<shape id>`), the AMI text scrolled to a block (`#bloc-<n>`, its n-th top-level
 * block). Both are hints read once when the page opens, not part of the page's address.
 */
import type { Id, SearchTarget } from '@eprouvette/shared';
import { shapeIdSchema } from '@eprouvette/shared';
import { paths } from '../app/routes.ts';

const ELEMENT_PARAM = 'element';
const BLOCK_HASH = /^#bloc-(\d{1,6})$/;

export function hitPath(amiId: Id, target: SearchTarget): string {
  switch (target.page) {
    case 'ami':
      return paths.ami(amiId);
    case 'board':
      return target.element === null ? paths.board(amiId, target.boardId) : `${paths.board(amiId, target.boardId)}?${ELEMENT_PARAM}=${encodeURIComponent(target.element)}`;
    case 'text':
      return target.block === null ? paths.amiText(amiId) : `${paths.amiText(amiId)}#bloc-${target.block}`;
  }
}

/** The shape a board page should open on, from its query string (`location.search`), if valid. */
export function elementToFocus(search: string): string | null {
  const element = new URLSearchParams(search).get(ELEMENT_PARAM);
  return element !== null && shapeIdSchema.safeParse(element).success ? element : null;
}

/** The block the text page should open at, from its hash (`location.hash`). */
export function blockToShow(hash: string): number | null {
  const match = BLOCK_HASH.exec(hash);
  return match === null ? null : Number(match[1]);
}
