/**
 * Boot: configuration → storage → HTTP + sync server → signals. `npm start` runs this after
 * building the client.
 */
import { loadConfig, ConfigError } from './config.ts';
import { consoleLogger as logger } from './log.ts';
import { startServer } from './server.ts';
import { openStorage } from './storage/open-store.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const storage = await openStorage({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, logger });
  logger.info('storage', 'opened', {
    kind: storage.kind,
    location: storage.kind === 'sqlite' ? config.dataDir : 'DATABASE_URL',
  });
  const server = await startServer(config, storage, logger);
  process.stdout.write(`Éprouvette est prête : ${server.url}/\n`);
  const { demoAccounts, demoPassword } = server.prepared;
  if (demoAccounts.length > 0) {
    const width = Math.max(...demoAccounts.map((account) => account.email.length));
    const lines = demoAccounts.map((account) => `  ${account.email.padEnd(width)}  ${account.label}`);
    process.stdout.write(`Comptes de démonstration (mot de passe : ${demoPassword}) :\n${lines.join('\n')}\n`);
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('server', 'stopping', { signal });
    try {
      await server.stop();
      await storage.close();
      process.exit(0);
    } catch (error) {
      logger.error('server', 'stop failed', { error: String(error) });
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    logger.error('server', 'failed to start', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
  process.exit(1);
});
