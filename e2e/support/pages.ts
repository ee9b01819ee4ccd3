/** Condition-based waits on the Éprouvette UI (no fixed sleeps). */
import type { Page } from 'playwright-core';

export const SELECTORS = {
  badge: '[data-testid="connection-badge"]',
  presence: '[data-testid="presence"] li',
} as const;

export interface PresenceChip {
  name: string;
  self: boolean;
}

/** Waits until the page's main heading reads exactly `text`: how a test knows a page is shown. */
export async function waitForHeading(page: Page, text: string): Promise<void> {
  await page.waitForFunction((expected) => document.querySelector('h1')?.textContent === expected, text);
}

export async function badgeText(page: Page): Promise<string | null> {
  return page.evaluate((selector) => document.querySelector(selector)?.textContent ?? null, SELECTORS.badge);
}

export async function presence(page: Page): Promise<PresenceChip[]> {
  return page.$$eval(SELECTORS.presence, (items) =>
    items.map((item) => ({ name: (item as HTMLElement).dataset.name ?? '', self: (item as HTMLElement).dataset.self === 'true' })),
  );
}

async function describeState(page: Page): Promise<string> {
  try {
    return JSON.stringify({ url: page.url(), badge: await badgeText(page), presence: await presence(page) });
  } catch (error) {
    return `(state unavailable: ${String(error)})`;
  }
}

/** Runs a waitForFunction and, on timeout, says what was awaited and what the page showed. */
async function waitWithContext(page: Page, what: string, wait: () => Promise<unknown>): Promise<void> {
  try {
    await wait();
  } catch (error) {
    throw new Error(`${what}: ${String(error).split('\n')[0]}\nPage state: ${await describeState(page)}`);
  }
}

export function waitForBadge(page: Page, expected: string, timeout = 20_000): Promise<void> {
  return waitWithContext(page, `badge should read « ${expected} »`, () =>
    page.waitForFunction(
      ([selector, text]) => document.querySelector(selector)?.textContent === text,
      [SELECTORS.badge, expected] as const,
      { timeout },
    ),
  );
}

export function waitForBadgeNot(page: Page, unexpected: string, timeout = 20_000): Promise<void> {
  return waitWithContext(page, `badge should stop reading « ${unexpected} »`, () =>
    page.waitForFunction(
      ([selector, text]) => {
        const current = document.querySelector(selector)?.textContent;
        return current !== undefined && current !== text;
      },
      [SELECTORS.badge, unexpected] as const,
      { timeout },
    ),
  );
}

/** Waits until the presence list shows someone named `name` who is not this tab. */
export function waitForPeer(page: Page, name: string, timeout = 20_000): Promise<void> {
  return waitWithContext(page, `presence list should show ${name}`, () =>
    page.waitForFunction(
      ([selector, peer]) =>
        Array.from(document.querySelectorAll<HTMLElement>(selector)).some(
          (item) => item.dataset.name === peer && item.dataset.self !== 'true',
        ),
      [SELECTORS.presence, name] as const,
      { timeout },
    ),
  );
}

/** The name this tab picked for itself, once the presence list shows it. */
export async function selfName(page: Page): Promise<string> {
  await page.waitForSelector(`${SELECTORS.presence}[data-self="true"]`, { timeout: 20_000 });
  const name = await page.$eval(`${SELECTORS.presence}[data-self="true"]`, (item) => (item as HTMLElement).dataset.name ?? '');
  if (!name) throw new Error('the presence list shows this tab without a name');
  return name;
}
