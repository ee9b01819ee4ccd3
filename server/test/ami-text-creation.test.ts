/**
 * A new AMI created over the API gets its text from the template, written once by the server:
 * two people opening the text at the same moment find each section once, and nothing is stored
 * twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { AmiDetailView } from '@eprouvette/shared';
import { AMI_TEXT_FIELD, AMI_TEXT_SECTIONS, amiTextOutline } from '../src/documents/ami-text-template.ts';
import { providerClient, type ProviderClient } from '../src/testing/clients.ts';
import { startTestServer, type TestServer } from '../src/testing/test-server.ts';
import { DEMO_ACCOUNTS } from '../src/seed/demo.ts';

const TITLE = 'Gestion de l’eau 2026';
const SECTIONS = AMI_TEXT_SECTIONS.map((section) => section.title);

let ts: TestServer;
const clients: ProviderClient[] = [];

beforeAll(async () => {
  ts = await startTestServer();
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  await ts.dispose();
});

function outlineOf(doc: Y.Doc): string[] {
  return amiTextOutline(Y.encodeStateAsUpdate(doc));
}

describe('the text of a new AMI', () => {
  it('holds the template once, however many people open it at the same time', async () => {
    const owner = await ts.login(DEMO_ACCOUNTS[0]!.email);
    const response = await owner.api('/api/amis', {
      body: { title: TITLE, domain: 'gestion-eau', dates: { opensOn: null, closesOn: null, endsOn: null }, envelopeEuros: null, summary: '', tags: [] },
    });
    expect(response.status).toBe(201);
    const ami = (await response.json()) as AmiDetailView;
    const open = () => {
      const client = providerClient(ts.syncUrl, ami.textDocumentName, undefined, owner.credentials);
      clients.push(client);
      return client;
    };
    const opened = [open(), open()];
    await Promise.all(opened.map((client) => client.synced));

    for (const client of opened) {
      expect(outlineOf(client.doc)).toEqual([TITLE, ...SECTIONS]);
      // Title, domain line, then a heading and its prompt per section: nothing more.
      expect(client.doc.getXmlFragment(AMI_TEXT_FIELD).length).toBe(2 + 2 * SECTIONS.length);
    }
    expect(Y.encodeStateAsUpdate(opened[0]!.doc)).toEqual(Y.encodeStateAsUpdate(opened[1]!.doc));
    // What the store holds is the one template update.
    const stored = await ts.store.load(ami.textDocumentName);
    expect(stored.snapshot).toBeNull();
    expect(stored.updates).toHaveLength(1);

    // Read back after a restart, from disk: still once.
    await ts.restart();
    const reopened = open();
    await reopened.synced;
    expect(outlineOf(reopened.doc)).toEqual([TITLE, ...SECTIONS]);
  });
});
