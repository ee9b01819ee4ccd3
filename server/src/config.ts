/**
 * Configuration from environment variables, validated once at start: a bad value stops the
 * server with a message naming the variable, instead of surfacing later as a strange failure.
 */
import path from 'node:path';
import { z } from 'zod';

const MiB = 1024 * 1024;

const integer = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const envSchema = z.object({
  PORT: integer(0, 65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  EPROUVETTE_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'doit commencer par postgres:// ou postgresql://')
    .optional(),
  EPROUVETTE_MAX_UPDATE_BYTES: integer(1024, 512 * MiB).default(10 * MiB),
  EPROUVETTE_MAX_SEND_BUFFER_BYTES: integer(64 * 1024, 1024 * MiB).default(16 * MiB),
  EPROUVETTE_RATE_LIMIT_PER_SECOND: integer(1, 1_000_000).default(300),
  EPROUVETTE_RATE_LIMIT_BURST: integer(1, 1_000_000).default(1000),
  EPROUVETTE_UNLOAD_DELAY_MS: integer(0, 24 * 3600 * 1000).default(30_000),
  EPROUVETTE_COMPACT_AFTER_UPDATES: integer(1, 10_000_000).default(1000),
  EPROUVETTE_COMPACT_AFTER_BYTES: integer(1024, 1024 * MiB).default(4 * MiB),
  EPROUVETTE_CLIENT_DIR: z.string().min(1).optional(),
  EPROUVETTE_PUBLIC_URL: z
    .string()
    .url('doit être une URL complète, par exemple https://eprouvette.exemple.fr')
    .regex(/^https?:\/\//, 'doit commencer par http:// ou https://')
    .optional(),
  EPROUVETTE_ALLOWED_ORIGINS: z.string().optional(),
  EPROUVETTE_ADMIN_EMAIL: z.string().trim().toLowerCase().email('adresse e-mail invalide').optional(),
  EPROUVETTE_ADMIN_PASSWORD: z.string().min(12, 'au moins 12 caractères').max(256).optional(),
  EPROUVETTE_DEMO: z.enum(['0', '1', 'true', 'false']).default('1'),
  EPROUVETTE_BENCH: z.enum(['0', '1', 'true', 'false']).default('0'),
});

export interface SyncLimits {
  maxUpdateBytes: number;
  maxSendBufferBytes: number;
  ratePerSecond: number;
  rateBurst: number;
  unloadDelayMs: number;
  compactAfterUpdates: number;
  compactAfterBytes: number;
}

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  clientDir: string;
  sync: SyncLimits;
  /**
   * The address users reach, when it differs from the request's own (behind a proxy): origin of
   * invitation links, allowed Origin header, and Secure cookies when it is https.
   */
  publicUrl: string | undefined;
  /** Origins allowed besides the server's own (a separate front-end in development, say). */
  allowedOrigins: string[];
  /** Account made platform administrator at start (self-hosting bootstrap). */
  admin: { email: string; password: string } | undefined;
  /** Seed the demo AMI and accounts into an empty database. */
  demo: boolean;
  /** Serve the board benchmark page `/bench/board` (never in production: it needs no sign-in). */
  bench: boolean;
}

const defaultClientDir = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../client/dist');

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings count as unset so that `PORT= npm start` behaves like no PORT at all.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = issue.path.join('.');
      return `  ${name}=${JSON.stringify(env[name] ?? '')} : ${issue.message}`;
    });
    throw new ConfigError(`Configuration invalide :\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if ((e.EPROUVETTE_ADMIN_EMAIL === undefined) !== (e.EPROUVETTE_ADMIN_PASSWORD === undefined)) {
    throw new ConfigError(
      'Configuration invalide :\n  EPROUVETTE_ADMIN_EMAIL et EPROUVETTE_ADMIN_PASSWORD vont ensemble : donnez les deux ou aucun.',
    );
  }
  const origins = (e.EPROUVETTE_ALLOWED_ORIGINS ?? '').split(',').map((origin) => origin.trim()).filter((origin) => origin !== '');
  const badOrigin = origins.find((origin) => !/^https?:\/\/[^/]+$/.test(origin));
  if (badOrigin !== undefined) {
    throw new ConfigError(`Configuration invalide :\n  EPROUVETTE_ALLOWED_ORIGINS : « ${badOrigin} » n'est pas une origine (schéma://hôte[:port]).`);
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.EPROUVETTE_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    clientDir: path.resolve(e.EPROUVETTE_CLIENT_DIR ?? defaultClientDir),
    sync: {
      maxUpdateBytes: e.EPROUVETTE_MAX_UPDATE_BYTES,
      maxSendBufferBytes: e.EPROUVETTE_MAX_SEND_BUFFER_BYTES,
      ratePerSecond: e.EPROUVETTE_RATE_LIMIT_PER_SECOND,
      rateBurst: e.EPROUVETTE_RATE_LIMIT_BURST,
      unloadDelayMs: e.EPROUVETTE_UNLOAD_DELAY_MS,
      compactAfterUpdates: e.EPROUVETTE_COMPACT_AFTER_UPDATES,
      compactAfterBytes: e.EPROUVETTE_COMPACT_AFTER_BYTES,
    },
    publicUrl: e.EPROUVETTE_PUBLIC_URL?.replace(/\/+$/, ''),
    allowedOrigins: origins,
    admin:
      e.EPROUVETTE_ADMIN_EMAIL !== undefined && e.EPROUVETTE_ADMIN_PASSWORD !== undefined
        ? { email: e.EPROUVETTE_ADMIN_EMAIL, password: e.EPROUVETTE_ADMIN_PASSWORD }
        : undefined,
    demo: e.EPROUVETTE_DEMO === '1' || e.EPROUVETTE_DEMO === 'true',
    bench: e.EPROUVETTE_BENCH === '1' || e.EPROUVETTE_BENCH === 'true',
  };
}
