/** The demo AMI's text page: reaching it as a person does, and reading what the server holds of it. */
import type { Page } from 'playwright-core';
import type { ProviderClient } from '../../server/src/testing/clients.ts';
import { signInToDemoAmi } from './demo.ts';
import { waitForBadge, waitForHeading } from './pages.ts';
import { connectDocument } from './sync.ts';

export const TEXT_EDITOR = '[data-testid="ami-text-editor"]';

/** Signs in, opens the demo AMI's text from its page, and waits for the live text. */
export async function openDemoText(page: Page, baseUrl: string, email: string): Promise<void> {
  await signInToDemoAmi(page, baseUrl, email);
  await page.getByRole('link', { name: 'Texte de l’AMI' }).click();
  await waitForHeading(page, 'Texte de l’AMI');
  await waitForBadge(page, 'connecté');
  await page.waitForSelector(`${TEXT_EDITOR} h3`);
}

/** The text document's name, from the page's address (`/amis/<ami>/texte`). */
export function textDocumentName(page: Page): string {
  const match = /\/amis\/([a-z2-7]{16})\/texte$/.exec(page.url());
  if (match === null) throw new Error(`not an AMI text page: ${page.url()}`);
  return `ami-${match[1]}.text`;
}

/** A sync client of the text signed in as the person of `page`, synced with the server. */
export function connectText(page: Page, serverUrl: string): Promise<ProviderClient> {
  return connectDocument(page, serverUrl, textDocumentName(page));
}
