import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser } from '../../e2e/support/browser.ts';
import { startChildServer } from '../../server/src/testing/child-server.ts';
const server = await startChildServer({ EPROUVETTE_DATA_DIR: mkdtempSync(join(tmpdir(), 'p-')), EPROUVETTE_BENCH: '1', EPROUVETTE_DEMO: '0' }, { built: true });
const browser = await launchBrowser();
try {
  for (const dpr of [1, 2]) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: dpr });
    const page = await context.newPage();
    await page.addInitScript(() => {
      const original = window.requestAnimationFrame.bind(window);
      (window as any).__rafs = 0;
      window.requestAnimationFrame = (cb) => { (window as any).__rafs++; return original(cb); };
    });
    await page.goto(`${server.url}/bench/board?n=5000`);
    await page.waitForFunction('window.__bench !== undefined');
    await page.evaluate('window.__bench.ready()');
    for (const zoom of [1, 0.6, 0.3, 0.05]) {
      await page.evaluate(`window.__bench.setZoom(${zoom})`);
      await page.waitForTimeout(2500);
      const before = await page.evaluate('window.__rafs');
      await page.waitForTimeout(2000);
      const after = await page.evaluate('window.__rafs');
      console.log(`dpr ${dpr} zoom ${zoom}: ${Number(after) - Number(before)} frames requested in 2 s idle`);
    }
    await context.close();
  }
} finally { await browser.close(); await server.stop('SIGTERM'); }
