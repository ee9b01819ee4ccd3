/**
 * The first content of a board started from a template, written by the server before the board
 * exists — as the AMI text is — so no client ever seeds a shared document (two browsers seeding at
 * once would insert the template twice).
 */
import * as Y from 'yjs';
import type { BoardJson, Id } from '@eprouvette/shared';
import { instantiateTemplate } from '@eprouvette/shared';
import { newId } from '../records/new-id.ts';
import type { SqlClient } from '../storage/sql-client.ts';
import { getTemplate, getTemplateContent } from './template-records.ts';

/** The template's shapes, with new ids and credited to `author`, as one Yjs update. */
export function templateInitialUpdate(content: BoardJson, author: Id): Uint8Array {
  const doc = new Y.Doc();
  try {
    instantiateTemplate(doc, content, { author, newId, origin: null });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/** How a new board starts: empty, or from a template (its first update, and what to say in the activity). */
export interface BoardStart {
  template: { id: Id; title: string } | null;
  update: Uint8Array | null;
}

/** The start of a board created with `templateId` (or empty without one); null for an unknown template. */
export async function boardStart(sql: SqlClient, templateId: Id | undefined, author: Id): Promise<BoardStart | null> {
  if (templateId === undefined) return { template: null, update: null };
  const [template, content] = await Promise.all([getTemplate(sql, templateId), getTemplateContent(sql, templateId)]);
  if (template === null || content === null) return null;
  return { template: { id: template.id, title: template.title }, update: templateInitialUpdate(content, author) };
}
