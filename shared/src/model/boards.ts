import { z } from 'zod';

/**
 * Kinds of board. A workshop board (atelier) is shared by everyone in the AMI; a proposal board
 * (proposition d'expérimentation) is one collectivité's own work and is the only kind that can be
 * restricted to its organisation (see `permissions.ts`).
 */
export const BOARD_KINDS = ['atelier', 'proposition'] as const;

export type BoardKind = (typeof BOARD_KINDS)[number];

export const boardKindSchema = z.enum(BOARD_KINDS);

export const BOARD_KIND_LABELS: Readonly<Record<BoardKind, string>> = {
  atelier: 'Atelier',
  proposition: "Proposition d'expérimentation",
};
