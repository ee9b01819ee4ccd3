import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CLIENT_INDEX = fileURLToPath(new URL('../../client/dist/index.html', import.meta.url));
export const SCREENSHOTS_DIR = fileURLToPath(new URL('../screenshots/', import.meta.url));

/** Browser tests need the built client; `npm test` builds it, a bare `vitest run` does not. */
export function assertClientBuilt(): void {
  if (!existsSync(CLIENT_INDEX)) {
    throw new Error(
      `The client is not built: ${CLIENT_INDEX} is missing. Run \`npm run build\` first (\`npm test\` does it for you).`,
    );
  }
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  return `${SCREENSHOTS_DIR}${name}.png`;
}
