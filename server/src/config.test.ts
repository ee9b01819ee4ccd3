import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('has working defaults', () => {
    const config = loadConfig({});
    expect(config.port).toBe(8080);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.sync.maxUpdateBytes).toBe(10 * 1024 * 1024);
    expect(config.dataDir).toMatch(/data$/);
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '9000',
      HOST: '127.0.0.1',
      EPROUVETTE_DATA_DIR: '/tmp/eprouvette',
      DATABASE_URL: 'postgres://127.0.0.1:5432/test',
      EPROUVETTE_MAX_UPDATE_BYTES: '2048',
      EPROUVETTE_RATE_LIMIT_PER_SECOND: '10',
      EPROUVETTE_UNLOAD_DELAY_MS: '0',
    });
    expect(config).toMatchObject({ port: 9000, host: '127.0.0.1', dataDir: '/tmp/eprouvette', databaseUrl: 'postgres://127.0.0.1:5432/test' });
    expect(config.sync).toMatchObject({ maxUpdateBytes: 2048, ratePerSecond: 10, unloadDelayMs: 0 });
  });

  it('treats an empty value as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' })).toMatchObject({ port: 8080, databaseUrl: undefined });
  });

  it('names the variable and the value when one is wrong', () => {
    expect(() => loadConfig({ PORT: 'huit-mille' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT="70000"/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL="mysql:\/\/x" : doit commencer par postgres/);
    expect(() => loadConfig({ EPROUVETTE_MAX_UPDATE_BYTES: '-1' })).toThrow(/EPROUVETTE_MAX_UPDATE_BYTES/);
  });
});
