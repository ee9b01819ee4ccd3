/** Sync clients of our own in browser tests: they read what the server holds, signed in as a page's person. */
import type { Page } from 'playwright-core';
import { providerClient, type ProviderClient } from '../../server/src/testing/clients.ts';

/** A client of `documentName` with the session cookie of `page`, resolved once synced with the server. */
export async function connectDocument(page: Page, serverUrl: string, documentName: string): Promise<ProviderClient> {
  const cookie = (await page.context().cookies(serverUrl)).map(({ name, value }) => `${name}=${value}`).join('; ');
  const client = providerClient(`${serverUrl.replace(/^http/, 'ws')}/sync`, documentName, undefined, { cookie, origin: serverUrl });
  await client.synced;
  return client;
}
