/**
 * What every browser test file sets up around its tests: a real server on a fresh data directory
 * (so the demo data is seeded anew), one Chromium, and pages in separate contexts, so that two
 * pages are two people with their own cookies rather than two tabs of one browser.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { startChildServer, type ChildServer } from '../../server/src/testing/child-server.ts';
import { launchBrowser } from './browser.ts';
import { assertClientBuilt } from './paths.ts';

/** The French UI at a desktop size; screenshots and layout checks assume it unless a test says otherwise. */
export const DEFAULT_CONTEXT_OPTIONS: BrowserContextOptions = {
  viewport: { width: 1280, height: 860 },
  locale: 'fr-FR',
};

export interface E2eServerOptions {
  /** Context options for every page of the file, over DEFAULT_CONTEXT_OPTIONS. */
  context?: BrowserContextOptions;
}

export interface E2eServer {
  /** The server started last; only valid inside tests and hooks. */
  readonly server: ChildServer;
  /** Uncaught errors of every page opened so far, as `url: message`; a file's last test expects none. */
  readonly pageErrors: string[];
  /** A page in a new context: file options over the defaults, then `options` over both (shallow). */
  openPage(options?: BrowserContextOptions): Promise<Page>;
  /**
   * Starts another server on the same data directory, which becomes `server`; the previous one is
   * left as it is, so a test that restarts the server stops it itself and checks how it exited.
   */
  startServer(options?: { port?: number }): Promise<ChildServer>;
  /** Closes every page opened so far, e.g. to prove a server has nobody left to resend it state. */
  closePages(): Promise<void>;
}

/** Registers this file's `beforeAll`/`afterAll`; call it once at the top of the `describe`. */
export function useE2eServer(options: E2eServerOptions = {}): E2eServer {
  const fileContextOptions: BrowserContextOptions = { ...DEFAULT_CONTEXT_OPTIONS, ...options.context };
  let dataDir: string | undefined;
  let browser: Browser | undefined;
  const servers: ChildServer[] = [];
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  const startServer = async (serverOptions: { port?: number } = {}): Promise<ChildServer> => {
    if (!dataDir) throw new Error('the data directory is not created yet: start servers inside tests or hooks');
    const started = await startChildServer({ EPROUVETTE_DATA_DIR: dataDir }, serverOptions);
    servers.push(started);
    return started;
  };

  beforeAll(async () => {
    assertClientBuilt();
    dataDir = mkdtempSync(join(tmpdir(), 'eprouvette-e2e-'));
    await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    // Each step guards against an earlier failure in beforeAll, so that cleanup still runs as far as it can.
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    for (const started of servers) await started.stop('SIGTERM');
    // EPROUVETTE_E2E_LOG=1 shows what the servers printed, to investigate a failure.
    if (process.env.EPROUVETTE_E2E_LOG) {
      servers.forEach((started, index) => console.log(`--- server ${index + 1} (${started.url}) ---\n${started.output()}`));
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  return {
    get server() {
      const current = servers.at(-1);
      if (!current) throw new Error('the server is not started yet: use it inside tests or hooks');
      return current;
    },
    pageErrors,
    async openPage(contextOptions = {}) {
      if (!browser) throw new Error('the browser is not started yet: open pages inside tests or hooks');
      const context = await browser.newContext({ ...fileContextOptions, ...contextOptions });
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
      return page;
    },
    startServer,
    async closePages() {
      for (const context of contexts.splice(0)) await context.close();
    },
  };
}
