import type { DomainView } from '@eprouvette/shared';
import { SEED_DOMAINS } from '@eprouvette/shared';
import type { SqlClient } from '../storage/sql-client.ts';

export async function listDomains(sql: SqlClient): Promise<DomainView[]> {
  // Seeded domains first, in the order of the brief, then added ones in creation order.
  return sql.all<DomainView>('SELECT slug, name FROM domains ORDER BY created_at, slug');
}

export async function getDomain(sql: SqlClient, slug: string): Promise<DomainView | null> {
  return (await sql.get<DomainView>('SELECT slug, name FROM domains WHERE slug = ?', [slug])) ?? null;
}

/** False when the slug or the name is taken. */
export async function insertDomain(sql: SqlClient, domain: DomainView, now = Date.now()): Promise<boolean> {
  return (await sql.run('INSERT INTO domains (slug, name, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [domain.slug, domain.name, now])) === 1;
}

/** The five domains of the brief; idempotent, so every start may run it. */
export async function seedDomains(sql: SqlClient, now = Date.now()): Promise<void> {
  // Increasing timestamps keep the brief's order in `listDomains`.
  for (const [index, domain] of SEED_DOMAINS.entries()) await insertDomain(sql, domain, now - SEED_DOMAINS.length + index);
}
