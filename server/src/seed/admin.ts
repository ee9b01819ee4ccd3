import type { Logger } from '../log.ts';
import { hashPassword } from '../auth/passwords.ts';
import { findOrCreateOrganisation } from '../records/organisations.ts';
import { createUser, findUserByEmail, setPlatformAdmin } from '../records/users.ts';
import type { SqlClient } from '../storage/sql-client.ts';

export const REGION_ORGANISATION = { name: 'Région Hauts-de-France', type: 'region' } as const;

/**
 * Self-hosting bootstrap: the account of EPROUVETTE_ADMIN_EMAIL becomes a platform administrator,
 * created with EPROUVETTE_ADMIN_PASSWORD if it does not exist. An existing account keeps its
 * password (the variable may be stale; it never resets anyone's password).
 */
export async function bootstrapAdmin(sql: SqlClient, admin: { email: string; password: string }, logger: Logger): Promise<void> {
  const existing = await findUserByEmail(sql, admin.email);
  if (existing !== null) {
    if (!existing.platformAdmin) {
      await setPlatformAdmin(sql, existing.id);
      logger.info('accounts', 'existing account made platform administrator', { email: admin.email });
    }
    return;
  }
  const organisation = await findOrCreateOrganisation(sql, REGION_ORGANISATION);
  await createUser(sql, {
    email: admin.email,
    name: 'Administrateur',
    organisationId: organisation.id,
    passwordHash: await hashPassword(admin.password),
    platformAdmin: true,
  });
  logger.info('accounts', 'platform administrator created', { email: admin.email });
}
