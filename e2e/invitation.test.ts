/**
 * The invitation journey of PRODUCT.md: the project lead creates an editor link on the demo AMI;
 * a newcomer opens it in another browser, creates an account for a new commune, and lands on the
 * AMI as an editor — and sees only that AMI.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO, DEMO_AMI_TITLE, signIn, signInToDemoAmi } from './support/demo.ts';
import { useE2eServer } from './support/harness.ts';
import { waitForHeading } from './support/pages.ts';

const NEWCOMER = {
  name: 'Léa Martin',
  email: 'lea.martin@mairie-hesdin.example.fr',
  organisation: 'Commune de Hesdin-la-Forêt',
  password: 'une longue phrase de passe',
};

describe('joining an AMI through an invitation link', () => {
  const e2e = useE2eServer();
  let invitationUrl: string;
  let amiPath: string;
  let guest: Page;

  it('the owner creates an editor link, shown once', async () => {
    const owner = await e2e.openPage();
    await signInToDemoAmi(owner, e2e.server.url, DEMO.owner);
    amiPath = new URL(owner.url()).pathname;
    const invitations = owner.locator('[data-testid="invitations"]');
    await invitations.getByLabel('Rôle donné').selectOption('editor');
    await invitations.getByLabel('Valable (en jours)').fill('7');
    await invitations.getByLabel('Nombre d’utilisations').fill('3');
    await invitations.getByRole('button', { name: 'Créer le lien' }).click();
    await owner.waitForSelector('[data-testid="created-link"]');
    expect(await owner.textContent('[data-testid="created-link"]')).toContain('il ne sera plus jamais affiché');
    invitationUrl = await owner.inputValue('[data-testid="created-link"] [data-testid="copy-value"]');
    expect(invitationUrl).toMatch(new RegExp(`^${e2e.server.url}/invitation/[a-z2-7]{32}$`));
    // The list shows the link with its role and uses, not its secret.
    await owner.waitForSelector('[data-testid="invitations"] li[data-invitation]');
    const row = await owner.textContent('[data-testid="invitations"] li[data-invitation]');
    expect(row).toContain('éditeur');
    expect(row).toContain('0 / 3');
    expect(row).toContain('Actif');
    expect(row).not.toContain(invitationUrl.split('/').pop());
  });

  it('a newcomer opens the link, signs up for a new commune and lands on the AMI as an editor', async () => {
    guest = await e2e.openPage();
    await guest.goto(invitationUrl);
    await guest.waitForSelector('[data-testid="invitation-role"]');
    expect(await guest.textContent('h1')).toBe(DEMO_AMI_TITLE);
    expect(await guest.textContent('[data-testid="invitation-role"]')).toBe('éditeur');

    const form = guest.locator('[data-testid="signup-form"]');
    await form.getByLabel('Nom et prénom').fill(NEWCOMER.name);
    await form.getByLabel('Adresse e-mail').fill(NEWCOMER.email);
    await form.getByLabel('Organisation', { exact: true }).fill(NEWCOMER.organisation);
    await form.getByLabel('Type d’organisation').selectOption('commune');
    await form.getByLabel('Mot de passe').fill(NEWCOMER.password);
    await form.getByRole('button', { name: 'Créer mon compte' }).click();

    await guest.waitForURL((url) => url.pathname === amiPath, { timeout: 20_000 });
    await waitForHeading(guest, DEMO_AMI_TITLE);
    expect(await guest.textContent('[data-testid="signed-in-as"]')).toContain(NEWCOMER.name);
    expect(await guest.textContent('[data-testid="signed-in-as"]')).toContain(NEWCOMER.organisation);
    expect(await guest.textContent('.page-header__meta')).toContain('Votre rôle : éditeur');
    // An editor may create a board for their commune, and manages neither members nor links.
    expect(await guest.getByRole('link', { name: 'Nouveau tableau' }).count()).toBe(1);
    expect(await guest.locator('[data-testid="members"]').count()).toBe(0);

    await guest.getByRole('link', { name: 'Retour à mes AMI' }).click();
    await guest.waitForSelector('[data-testid="ami-card"]');
    const cards = await guest.locator('[data-testid="ami-card"] h3').allTextContents();
    expect(cards).toEqual([DEMO_AMI_TITLE]);
  });

  it('the owner sees the newcomer among the members, then revokes the link, which removes them', async () => {
    const owner = await e2e.openPage();
    await signIn(owner, e2e.server.url, DEMO.owner);
    await owner.goto(`${e2e.server.url}${amiPath}`);
    const member = owner.locator(`[data-testid="members"] li[data-member="${NEWCOMER.email}"]`);
    await member.waitFor();
    expect(await member.textContent()).toContain('a rejoint par un lien');
    expect(await member.locator('select').inputValue()).toBe('editor');
    expect(await owner.textContent('[data-testid="invitations"] li[data-invitation]')).toContain('1 / 3');

    // Revoking the link, after saying what it does, takes back the access it gave.
    const link = owner.locator('[data-testid="invitations"] li[data-invitation]');
    await link.getByRole('button', { name: /^Révoquer le lien éditeur/ }).click();
    expect(await owner.textContent('[data-testid="invitations"] .confirm')).toContain('les personnes qui ont rejoint l’AMI par ce lien');
    await owner.locator('[data-testid="invitations"] .confirm').getByRole('button', { name: 'Révoquer le lien' }).click();
    await owner.waitForSelector('text=Lien révoqué ; 1 membre a été retiré de l’AMI.');
    expect(await link.textContent()).toContain('Révoqué');
    await member.waitFor({ state: 'detached' });

    await guest.goto(`${e2e.server.url}/`);
    await guest.waitForSelector('text=Vous ne participez encore à aucun AMI.');
    await guest.goto(invitationUrl);
    await guest.waitForSelector('text=Ce lien d’invitation a été révoqué.');
  });

  it('raised no uncaught error in the pages', () => {
    expect(e2e.pageErrors).toEqual([]);
  });
});
