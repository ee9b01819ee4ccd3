/**
 * The board without its server: each browser keeps a copy of the board in IndexedDB, under a
 * name per account and document; what two people draw while the server is gone merges when it
 * comes back, and each then sees the other's shapes. Signing out removes the account's copies.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { ProviderClient } from '../server/src/testing/clients.ts';
import type { Page } from 'playwright-core';
import { addSticky, boardDocumentName, COLOURS, connectAs, openBoardAs, waitForPixel, waitForShapes } from './support/board.ts';
import { DEMO } from './support/demo.ts';
import { useE2eServer } from './support/harness.ts';
import { waitForBadge, waitForBadgeNot } from './support/pages.ts';

describe('the board while its server is away', () => {
  const e2e = useE2eServer({ context: { deviceScaleFactor: 1 } });
  let client: ProviderClient | undefined;

  afterAll(() => client?.destroy());

  it('keeps an offline copy per account, and merges what two people drew meanwhile', async () => {
    const [pageA, pageB] = (await openBoardAs(e2e, [DEMO.editorSyndicat, DEMO.editorCommune])) as [Page, Page];
    const stores = (await pageA.evaluate(() => indexedDB.databases())).map((database) => database.name ?? '');
    expect(stores).toContainEqual(expect.stringMatching(new RegExp(`^eprouvette:[a-z2-7]{16}:${boardDocumentName(pageA).replace('.', '\\.')}$`)));

    const port = Number(new URL(e2e.server.url).port);
    expect(await e2e.server.stop('SIGTERM'), e2e.server.output()).toBe(0);
    await waitForBadgeNot(pageA, 'connecté');
    await waitForBadgeNot(pageB, 'connecté');
    await addSticky(pageA, { x: 200, y: 200 }, 'Écrit sans serveur par A');
    await addSticky(pageB, { x: 600, y: 200 }, 'Écrit sans serveur par B');

    await e2e.startServer({ port });
    await waitForBadge(pageA, 'connecté', 30_000);
    await waitForBadge(pageB, 'connecté', 30_000);
    client = await connectAs(pageA, e2e.server.url);
    await waitForShapes(client, 'both stickies drawn offline', (shapes) =>
      ['Écrit sans serveur par A', 'Écrit sans serveur par B'].every((text) => shapes.some((shape) => shape.type === 'sticky' && shape.text === text)),
    );
    await waitForPixel(pageA, { x: 515, y: 115 }, COLOURS.yellow, 'A should draw B’s sticky');
    await waitForPixel(pageB, { x: 115, y: 115 }, COLOURS.yellow, 'B should draw A’s sticky');

    await pageA.getByRole('button', { name: 'Se déconnecter' }).click();
    await pageA.getByRole('heading', { name: 'Connexion' }).waitFor();
    const storesLeft = async () => (await pageA.evaluate(() => indexedDB.databases())).filter((database) => database.name?.startsWith('eprouvette:'));
    await expect.poll(storesLeft, { timeout: 10_000 }).toEqual([]);
  });

  it('raised no uncaught error in the pages', () => {
    expect(e2e.pageErrors).toEqual([]);
  });
});
