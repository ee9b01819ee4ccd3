/**
 * Serves the built client (`client/dist`): hashed assets cached for a year, everything else
 * revalidated, and any other GET answered with index.html so client-side routes survive a reload.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { Logger } from '../log.ts';

export function staticClientRoutes(clientDir: string, logger: Logger) {
  const app = new Hono();
  const indexPath = path.join(clientDir, 'index.html');
  if (!existsSync(indexPath)) {
    logger.warn('http', 'client not built: run `npm run build`', { clientDir });
    return app.get('*', (c) => c.text('Client non construit : lancez « npm run build ».', 503));
  }
  const indexHtml = readFileSync(indexPath, 'utf8');
  app.use(
    '*',
    serveStatic({
      root: clientDir,
      onFound: (filePath, c) => {
        const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
        c.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    }),
  );
  app.get('*', (c) => {
    c.header('Cache-Control', 'no-cache');
    return c.html(indexHtml);
  });
  return app;
}
