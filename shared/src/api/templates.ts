import { z } from 'zod';
import type { BoardJson } from '../board/board-json.ts';
import { shapeIdSchema } from '../board/schema.ts';
import { domainSlugSchema, technologyTagSchema, type TechnologyTag } from '../model/domains.ts';
import { idSchema, type Id } from '../model/ids.ts';
import type { Action } from '../permissions.ts';
import type { DomainView } from './views.ts';

/**
 * The template library (essaimage): boards, or frames of boards, that AMI admins publish so that
 * any board of any AMI can start from them. The content is never sent by the client: the server
 * reads the live board and keeps what the publisher chose (`extractTemplate`).
 */
export const TEMPLATE_TITLE_MAX_LENGTH = 200;
export const TEMPLATE_DESCRIPTION_MAX_LENGTH = 2000;
/** More frames than any board template holds; the list is only a choice among a board's frames. */
export const TEMPLATE_FRAMES_MAX = 200;

export const templatePublishSchema = z.object({
  amiId: idSchema,
  boardId: idSchema,
  /** The frames to publish, each with its content; the whole board when absent or empty. */
  frameIds: z.array(shapeIdSchema).max(TEMPLATE_FRAMES_MAX, `Choisissez au plus ${TEMPLATE_FRAMES_MAX} cadres.`).default([]),
  title: z
    .string({ error: 'Le titre du modèle est obligatoire.' })
    .trim()
    .min(3, 'Le titre du modèle doit compter au moins 3 caractères.')
    .max(TEMPLATE_TITLE_MAX_LENGTH, `Le titre ne peut pas dépasser ${TEMPLATE_TITLE_MAX_LENGTH} caractères.`),
  description: z
    .string()
    .trim()
    .max(TEMPLATE_DESCRIPTION_MAX_LENGTH, `La description ne peut pas dépasser ${TEMPLATE_DESCRIPTION_MAX_LENGTH} caractères.`)
    .default(''),
  domain: domainSlugSchema,
  tags: z
    .array(technologyTagSchema)
    .default([])
    .transform((tags) => [...new Set(tags)]),
});

/** Filters of the library; both optional. */
export const templateListQuerySchema = z.object({
  domain: domainSlugSchema.optional(),
  tag: technologyTagSchema.optional(),
});

export type TemplatePublishInput = z.input<typeof templatePublishSchema>;
export type TemplatePublish = z.output<typeof templatePublishSchema>;

/** Where a template comes from: the collectivité whose board it was, and the AMI (kept after the AMI is deleted). */
export interface TemplateOriginView {
  organisation: string;
  amiId: Id;
  amiTitle: string;
}

export interface TemplateSummaryView {
  id: Id;
  title: string;
  description: string;
  domain: DomainView;
  tags: TechnologyTag[];
  origin: TemplateOriginView;
  /** Null when the account has been deleted since. */
  publishedBy: { id: Id; name: string } | null;
  createdAt: string;
  shapeCount: number;
  /** Images of the board left out, since they are served only to its AMI's members. */
  droppedImages: number;
  /** `template.delete` when the viewer may delete it. */
  allowed: Action[];
}

export interface TemplateView extends TemplateSummaryView {
  content: BoardJson;
}
