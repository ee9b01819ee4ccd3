import { z } from 'zod';
import { boardKindSchema } from '../model/boards.ts';
import { idSchema } from '../model/ids.ts';

export const BOARD_TITLE_MAX_LENGTH = 200;

export const boardTitleSchema = z
  .string()
  .trim()
  .min(1, 'Le titre du tableau est obligatoire.')
  .max(BOARD_TITLE_MAX_LENGTH, `Le titre ne peut pas dépasser ${BOARD_TITLE_MAX_LENGTH} caractères.`);

/**
 * A new board. `organisationId` defaults to the creator's organisation (admins may pick another);
 * with `templateId` the board starts with a copy of that template of the library.
 */
export const boardCreateSchema = z.object({
  title: boardTitleSchema,
  kind: boardKindSchema,
  organisationId: idSchema.optional(),
  restricted: z.boolean().default(false),
  templateId: idSchema.optional(),
});

/** A change of a board: each field is optional, and each is checked by its own permission. */
export const boardPatchSchema = z
  .object({
    title: boardTitleSchema,
    kind: boardKindSchema,
    organisationId: idSchema,
    restricted: z.boolean(),
    archived: z.boolean(),
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'Aucune modification demandée.');

export type BoardCreateInput = z.infer<typeof boardCreateSchema>;
export type BoardPatch = z.infer<typeof boardPatchSchema>;
