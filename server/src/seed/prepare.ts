import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { seedDomains } from '../records/domains.ts';
import { findUserByEmail } from '../records/users.ts';
import type { Storage } from '../storage/document-store.ts';
import { bootstrapAdmin } from './admin.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo, type DemoAccount } from './demo.ts';

export interface PreparedRecords {
  /** The demo accounts still present (to print at start), with their shared password; empty without the demo. */
  demoAccounts: DemoAccount[];
  demoPassword: string;
  /** Whether this start seeded the demo. */
  seededDemo: boolean;
}

/** Start-up data: the seeded domains (always), the configured administrator, the demo (first start only). */
export async function prepareRecords(storage: Storage, config: Pick<Config, 'admin' | 'demo'>, logger: Logger): Promise<PreparedRecords> {
  await seedDomains(storage.sql);
  if (config.admin !== undefined) await bootstrapAdmin(storage.sql, config.admin, logger);
  const seededDemo = config.demo ? await seedDemo(storage) : false;
  if (seededDemo) logger.info('seed', 'demo AMI and accounts created');
  const demoAccounts: DemoAccount[] = [];
  if (config.demo) {
    for (const account of DEMO_ACCOUNTS) if ((await findUserByEmail(storage.sql, account.email)) !== null) demoAccounts.push(account);
  }
  return { demoAccounts, demoPassword: DEMO_PASSWORD, seededDemo };
}
