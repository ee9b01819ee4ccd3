/**
 * The `templates` table (migration 8): the platform-wide template library. The content is the
 * board JSON export of what was published, read back through `boardJsonSchema`; listing never
 * reads it.
 */
import type { BoardJson, DomainView, Id, TechnologyTag } from '@eprouvette/shared';
import { boardJsonSchema, technologyTagSchema } from '@eprouvette/shared';
import type { SqlClient } from '../storage/sql-client.ts';
import { toNumber } from '../storage/sql-client.ts';

export interface TemplateRecord {
  id: Id;
  title: string;
  description: string;
  domain: DomainView;
  tags: TechnologyTag[];
  origin: { organisationId: Id; organisation: string; amiId: Id; amiTitle: string; boardId: Id };
  publishedBy: { id: Id; name: string } | null;
  createdAt: number;
  shapeCount: number;
  droppedImages: number;
}

export interface NewTemplate {
  id: Id;
  title: string;
  description: string;
  domain: string;
  tags: readonly TechnologyTag[];
  origin: TemplateRecord['origin'];
  publishedBy: Id;
  content: BoardJson;
  droppedImages: number;
}

interface TemplateRow {
  id: Id;
  title: string;
  description: string;
  domain_slug: string;
  domain_name: string;
  tags: string;
  origin_organisation_id: Id;
  origin_organisation_name: string;
  origin_ami_id: Id;
  origin_ami_title: string;
  origin_board_id: Id;
  created_by: Id | null;
  publisher_name: string | null;
  created_at: number | string;
  shape_count: number | string;
  dropped_images: number | string;
}

const SELECT = `SELECT t.id, t.title, t.description, t.domain_slug, d.name AS domain_name, t.tags, t.origin_organisation_id,
  t.origin_organisation_name, t.origin_ami_id, t.origin_ami_title, t.origin_board_id, t.created_by, u.name AS publisher_name,
  t.created_at, t.shape_count, t.dropped_images
  FROM templates t JOIN domains d ON d.slug = t.domain_slug LEFT JOIN users u ON u.id = t.created_by`;

/** Tags are written by this module only; one that is no longer a tag is dropped. */
function parseTags(json: string): TechnologyTag[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.flatMap((tag) => (technologyTagSchema.safeParse(tag).success ? [tag as TechnologyTag] : [])) : [];
  } catch {
    return [];
  }
}

function toTemplate(row: TemplateRow): TemplateRecord {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    domain: { slug: row.domain_slug, name: row.domain_name },
    tags: parseTags(row.tags),
    origin: {
      organisationId: row.origin_organisation_id,
      organisation: row.origin_organisation_name,
      amiId: row.origin_ami_id,
      amiTitle: row.origin_ami_title,
      boardId: row.origin_board_id,
    },
    publishedBy: row.created_by === null || row.publisher_name === null ? null : { id: row.created_by, name: row.publisher_name },
    createdAt: toNumber(row.created_at),
    shapeCount: toNumber(row.shape_count),
    droppedImages: toNumber(row.dropped_images),
  };
}

export async function insertTemplate(sql: SqlClient, template: NewTemplate, now = Date.now()): Promise<void> {
  const { origin } = template;
  await sql.run(
    `INSERT INTO templates (id, title, description, domain_slug, tags, origin_organisation_id, origin_organisation_name, origin_ami_id,
       origin_ami_title, origin_board_id, created_by, created_at, shape_count, dropped_images, content)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      template.id,
      template.title,
      template.description,
      template.domain,
      JSON.stringify(template.tags),
      origin.organisationId,
      origin.organisation,
      origin.amiId,
      origin.amiTitle,
      origin.boardId,
      template.publishedBy,
      now,
      template.content.shapes.length,
      template.droppedImages,
      JSON.stringify(template.content),
    ],
  );
}

/** The library, newest first, optionally of one domain and carrying one tag. */
export async function listTemplates(sql: SqlClient, filters: { domain?: string; tag?: TechnologyTag }): Promise<TemplateRecord[]> {
  const rows = await sql.all<TemplateRow>(`${SELECT}${filters.domain === undefined ? '' : ' WHERE t.domain_slug = ?'} ORDER BY t.created_at DESC, t.id`, filters.domain === undefined ? [] : [filters.domain]);
  const templates = rows.map(toTemplate);
  // Tags are a JSON list: filtered here rather than with each database's JSON functions.
  return filters.tag === undefined ? templates : templates.filter((template) => template.tags.includes(filters.tag!));
}

export async function getTemplate(sql: SqlClient, id: Id): Promise<TemplateRecord | null> {
  const row = await sql.get<TemplateRow>(`${SELECT} WHERE t.id = ?`, [id]);
  return row === undefined ? null : toTemplate(row);
}

/** The published shapes; null for an unknown template or content that no longer reads as a board export. */
export async function getTemplateContent(sql: SqlClient, id: Id): Promise<BoardJson | null> {
  const row = await sql.get<{ content: string }>('SELECT content FROM templates WHERE id = ?', [id]);
  if (row === undefined) return null;
  try {
    const parsed = boardJsonSchema.safeParse(JSON.parse(row.content));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function deleteTemplate(sql: SqlClient, id: Id): Promise<void> {
  await sql.run('DELETE FROM templates WHERE id = ?', [id]);
}
