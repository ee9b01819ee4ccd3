/**
 * Essaimage and activity in real browsers through the real server. The syndicat's agent fills the
 * winning proposal board; the lead (owner of the AMI, platform admin) publishes it as a template,
 * finds it in the library with its origin and preview, and starts a board of another AMI from it,
 * whose content the server wrote. The AMI pages' « Activité » tell what happened. A member who left
 * a board and comes back after someone else edited it is shown what changed since.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fromBase64 } from 'lib0/buffer';
import type { AmiDetailView } from '@eprouvette/shared';
import { changesSince, readVisitSnapshot } from '@eprouvette/shared';
import type { ProviderClient } from '../server/src/testing/clients.ts';
import { addSticky, connectAs, shapesOf, stickyTexts, waitForBoard, waitForListed, waitForShapes } from './support/board.ts';
import { DEMO, DEMO_AMI_TITLE, openBoard, openDemoAmi, signInToBoard, WORKSHOP_BOARD } from './support/demo.ts';
import { axeViolations } from './support/axe.ts';
import { useE2eServer } from './support/harness.ts';
import { waitForBadge, waitForHeading } from './support/pages.ts';
import { screenshotPath } from './support/paths.ts';

const WINNER = 'Capteurs acoustiques de fuites sur le réseau (LoRaWAN)';
const SYNDICAT = 'Syndicat mixte des eaux du Val d’Authie';
const TEMPLATE = 'Détection des fuites par capteurs acoustiques';
const IDEA = 'Capteurs acoustiques sur les conduites principales';
const OTHER_AMI = 'Expérimentations numériques – Pilotage énergétique';
const NEW_BOARD = 'Notre fiche à partir du modèle';
const LATER = 'Alerte après 48 h de débit continu';

describe('essaimage and activity', () => {
  const e2e = useE2eServer({ context: { viewport: { width: 1280, height: 1000 }, deviceScaleFactor: 1 } });
  const clients: ProviderClient[] = [];
  let lead: Page;

  afterAll(() => {
    for (const client of clients) client.destroy();
  });

  it('the lead publishes the winning proposal board as a template, found in the library with its origin', async () => {
    // The syndicat's agent fills the proposal: the fiche expérimentation and an idea of hers.
    const agent = await e2e.openPage();
    await signInToBoard(agent, e2e.server.url, DEMO.editorSyndicat, { board: WINNER });
    await waitForBadge(agent, 'connecté');
    await waitForBoard(agent);
    await agent.getByRole('button', { name: 'Insérer un modèle' }).click();
    await agent.getByRole('button', { name: /^Fiche expérimentation/ }).click();
    await addSticky(agent, { x: 640, y: 300 }, IDEA);
    const proposal = await connectAs(agent, e2e.server.url);
    clients.push(proposal);
    const drawn = await waitForShapes(proposal, 'the proposal reached the server', (shapes) => shapes.some((shape) => shape.type === 'sticky' && shape.text === IDEA) && shapes.length > 20);

    lead = await e2e.openPage();
    await signInToBoard(lead, e2e.server.url, DEMO.owner, { board: WINNER });
    await waitForBadge(lead, 'connecté');
    await waitForBoard(lead);
    await lead.getByRole('button', { name: 'Publier comme modèle' }).click();
    const dialog = lead.locator('dialog[open]');
    const form = dialog.getByTestId('publish-template-form');
    await form.waitFor();
    await form.getByLabel('Titre du modèle').fill(TEMPLATE);
    await form.getByLabel('Description').fill('Des capteurs acoustiques LoRaWAN sur les conduites principales : la fiche complète de la régie, du défi aux conditions d’essaimage.');
    await form.getByLabel('Données/IA').check();
    await lead.screenshot({ path: screenshotPath('essaimage-publish-dialog') });
    expect(await axeViolations(lead, { include: 'dialog[open]' })).toEqual([]);
    await form.getByRole('button', { name: 'Publier le modèle' }).click();
    await dialog.getByRole('status').filter({ hasText: `Modèle « ${TEMPLATE} » publié dans la bibliothèque.` }).waitFor();

    await dialog.getByRole('link', { name: 'Voir la bibliothèque' }).click();
    await waitForHeading(lead, 'Bibliothèque de modèles');
    const card = lead.getByTestId('template-card').filter({ hasText: TEMPLATE });
    await card.getByText(`Issu de : ${SYNDICAT} — AMI « ${DEMO_AMI_TITLE} »`).waitFor();
    await card.getByText(`${drawn.length} formes`).waitFor();
    await card.getByTestId('template-preview').waitFor();
    expect(await card.getByTestId('template-preview').evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true);
    await lead.screenshot({ path: screenshotPath('essaimage-library'), fullPage: true });
    expect(await axeViolations(lead)).toEqual([]);

    // Filtered on another domain, the library is empty.
    await lead.getByLabel('Domaine').selectOption({ label: 'Pilotage énergétique' });
    await lead.getByText('Aucun modèle ne correspond à ces filtres.').waitFor();
  });

  it('the lead starts a board of another AMI from the template and finds its content there', async () => {
    const created = await lead.evaluate(async (title) => {
      const response = await fetch('/api/amis', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title, domain: 'pilotage-energetique', dates: { opensOn: null, closesOn: null, endsOn: null }, envelopeEuros: null, summary: '', tags: [] }),
      });
      return (await response.json()) as AmiDetailView;
    }, OTHER_AMI);
    await lead.goto(`${e2e.server.url}/amis/${created.id}`);
    await waitForHeading(lead, OTHER_AMI);
    await lead.getByRole('link', { name: 'Nouveau tableau' }).click();
    await lead.getByLabel('Titre du tableau').fill(NEW_BOARD);
    await lead.getByLabel('Partir d’un modèle de la bibliothèque').check();
    await lead.getByLabel('Modèle', { exact: true }).selectOption({ label: `${TEMPLATE} — ${SYNDICAT}` });
    await lead.screenshot({ path: screenshotPath('essaimage-board-from-template') });
    expect(await axeViolations(lead, { include: '[data-testid="board-form"]' })).toEqual([]);
    await lead.getByRole('button', { name: 'Créer le tableau' }).click();
    await waitForHeading(lead, NEW_BOARD);
    await waitForBadge(lead, 'connecté');
    await waitForBoard(lead);
    await waitForListed(lead, 'the new board holds the template', { includes: [IDEA, 'Fiche expérimentation', 'Capteurs et données'] });
    const copy = await connectAs(lead, e2e.server.url);
    clients.push(copy);
    const shapes = shapesOf(copy);
    expect(stickyTexts(copy)).toContain(IDEA);
    const original = shapesOf(clients[0]!);
    expect(shapes).toHaveLength(original.length);
    expect(shapes.some((shape) => original.some((source) => source.id === shape.id))).toBe(false);
    await lead.screenshot({ path: screenshotPath('essaimage-new-board') });

    // Inserted again into the board, from « Insérer un modèle »: the community templates are there.
    await lead.getByRole('button', { name: 'Insérer un modèle' }).click();
    const community = lead.getByRole('region', { name: 'Modèles de la communauté' });
    const choice = community.getByRole('button', { name: new RegExp(`^${TEMPLATE}`) });
    await choice.waitFor();
    await choice.scrollIntoViewIfNeeded();
    await lead.screenshot({ path: screenshotPath('essaimage-template-picker') });
    await choice.click();
    await lead.getByRole('status').filter({ hasText: `Modèle « ${TEMPLATE} » inséré au centre de la vue et sélectionné.` }).waitFor();
    const twice = await waitForShapes(copy, 'the second copy reached the server', (now) => now.length === 2 * original.length);
    expect(new Set(twice.map((shape) => shape.id)).size).toBe(twice.length);
  });

  it('the AMI pages tell what happened, in French sentences', async () => {
    const activity = lead.getByTestId('activity-feed');
    await lead.getByRole('link', { name: `Retour à l’AMI « ${OTHER_AMI} »` }).click();
    await waitForHeading(lead, OTHER_AMI);
    await activity.getByText(`Claire Vasseur a créé le tableau « ${NEW_BOARD} » à partir du modèle « ${TEMPLATE} »`).waitFor();

    await lead.goto(`${e2e.server.url}/`);
    await openDemoAmi(lead);
    await activity.getByText(`Claire Vasseur a publié le modèle « ${TEMPLATE} » à partir du tableau « ${WINNER} »`).waitFor();
    await activity.getByRole('link', { name: WINNER }).first().waitFor();
    await activity.locator('time').first().waitFor();
    await activity.scrollIntoViewIfNeeded();
    await lead.screenshot({ path: screenshotPath('essaimage-activity') });
    expect(await axeViolations(lead, { include: '[data-testid="activity-feed"]' })).toEqual([]);
  });

  it('a member coming back to a board sees what changed since their last visit', async () => {
    // The élu looks at the workshop board, then goes back to the AMI: the visit is remembered.
    const elu = await e2e.openPage();
    await signInToBoard(elu, e2e.server.url, DEMO.reader, { board: WORKSHOP_BOARD });
    await waitForBadge(elu, 'connecté');
    await waitForBoard(elu);
    const remembered = elu.waitForResponse((response) => response.url().endsWith('/last-visit') && response.request().method() === 'PUT');
    await elu.getByRole('link', { name: `Retour à l’AMI « ${DEMO_AMI_TITLE} »` }).click();
    expect((await remembered).status()).toBe(200);

    // Meanwhile, the commune's agent adds an idea.
    const agent = await e2e.openPage();
    await signInToBoard(agent, e2e.server.url, DEMO.editorCommune, { board: WORKSHOP_BOARD });
    await waitForBadge(agent, 'connecté');
    await waitForBoard(agent);
    await addSticky(agent, { x: 420, y: 260 }, LATER);
    const workshop = await connectAs(agent, e2e.server.url);
    clients.push(workshop);
    await waitForShapes(workshop, 'the idea reached the server', () => stickyTexts(workshop).includes(LATER));

    await openBoard(elu, WORKSHOP_BOARD);
    await waitForBadge(elu, 'connecté');
    const notice = elu.getByTestId('since-last-visit');
    await notice.getByText('1 changement depuis votre dernière visite').waitFor();
    await notice.getByText('Ajoutés : 1 · modifiés : 0 · supprimés : 0').waitFor();
    await elu.getByTestId('change-highlight').first().waitFor();
    await waitForBoard(elu);
    await elu.screenshot({ path: screenshotPath('since-last-visit') });
    await notice.getByRole('button', { name: 'Voir' }).click();
    await notice.getByText('Changement 1 sur 1').waitFor();
    await elu.getByTestId('change-highlight').first().waitFor();
    await waitForBoard(elu);
    await elu.screenshot({ path: screenshotPath('since-last-visit-shown') });
    expect(await axeViolations(elu, { include: '[data-testid="since-last-visit"]' })).toEqual([]);

    // Seen: what the élu leaves now is the board as it is, so her next visit has nothing new to show.
    const visitPath = `/api${new URL(elu.url()).pathname.replace('/tableaux/', '/boards/')}/last-visit`;
    const again = elu.waitForResponse((response) => response.url().endsWith('/last-visit') && response.request().method() === 'PUT');
    await elu.getByRole('link', { name: `Retour à l’AMI « ${DEMO_AMI_TITLE} »` }).click();
    expect((await again).status()).toBe(200);
    const stored = await elu.evaluate(async (path) => ((await (await fetch(path)).json()) as { snapshot: string }).snapshot, visitPath);
    expect(changesSince(workshop.doc, readVisitSnapshot(fromBase64(stored))!)).toEqual({ added: [], changed: [], deleted: [] });
    expect(e2e.pageErrors).toEqual([]);
  });
});

