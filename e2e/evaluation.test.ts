/**
 * The evaluation in real browsers through the real server: an expert scores a proposal (the form
 * refuses to hand in an incomplete evaluation and says why), the lead sees the provisional ranking
 * while a collectivité's agent does not, the lead exports it as CSV and PDF (read back), publishes
 * it, and the agent then reads the ranking — without the experts' comments.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { pdfPageTexts } from '../client/src/ami-text/export/testing/read-back.ts';
import { axeViolations, formatViolations } from './support/axe.ts';
import { DEMO, DEMO_AMI_TITLE, openBoard, signInToDemoAmi } from './support/demo.ts';
import { useE2eServer } from './support/harness.ts';
import { waitForHeading } from './support/pages.ts';
import { screenshotPath } from './support/paths.ts';

const PROPOSAL = 'Capteurs acoustiques de fuites sur le réseau (LoRaWAN)';
const EXPERT_COMMENT = 'Le maillage LoRaWAN existe déjà sur le territoire du syndicat.';
const GENERAL_COMMENT = 'Proposition solide, à suivre en priorité.';
/** Text as a reader searches it: line wraps and no-break spaces as plain spaces. */
const flat = (value: string) => value.replace(/\s+/g, ' ').trim();

async function openEvaluation(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Évaluation', exact: true }).click();
  await waitForHeading(page, 'Évaluation des propositions');
  await page.getByTestId('evaluation-grid').waitFor();
}

async function bytesOf(download: Download): Promise<Uint8Array> {
  return new Uint8Array(await readFile(await download.path()));
}

/** The rows of the ranking table as a reader sees them: rank, proposal, mean. */
async function rankingRows(page: Page): Promise<string[][]> {
  return page.getByTestId('ranking').locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => Array.from(row.children).slice(0, 3).map((cell) => (cell.querySelector('.evaluation-table__title') ?? cell).textContent?.trim() ?? '')),
  );
}

describe('evaluation of the proposals', () => {
  const e2e = useE2eServer({ context: { acceptDownloads: true, viewport: { width: 1280, height: 1000 } } });
  let expert: Page;
  let lead: Page;
  let agent: Page;

  it('an expert scores a proposal from its board: the form refuses an incomplete hand-in, then takes it', async () => {
    expert = await e2e.openPage();
    await signInToDemoAmi(expert, e2e.server.url, DEMO.commenter);
    await expert.getByRole('link', { name: 'Évaluation', exact: true }).waitFor();
    await expert.screenshot({ path: screenshotPath('evaluation-ami-link') });
    await openBoard(expert, PROPOSAL);
    const link = expert.getByRole('link', { name: 'Évaluer cette proposition' });
    await link.waitFor();
    await expert.screenshot({ path: screenshotPath('evaluation-board-link') });
    await link.click();
    await waitForHeading(expert, `Évaluation : ${PROPOSAL}`);
    const form = expert.getByRole('form', { name: `Évaluation : ${PROPOSAL}` });
    await expect.poll(() => form.locator('fieldset.scoring-criterion').count()).toBe(8);

    // Handing in with nothing ticked: an announced error, and focus on the first criterion's scores.
    await form.getByRole('button', { name: 'Transmettre l’évaluation' }).click();
    await expect.poll(() => expert.getByRole('alert').filter({ hasText: 'Certains champs sont invalides' }).count()).toBe(1);
    expect(await expert.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toMatch(/^criterion-/);
    expect(await form.getByText('Notez ce critère de 0 à 5, ou cochez « non concerné ».').count()).toBe(7);
    expect(await form.getByText('Choisissez votre recommandation.').count()).toBe(1);
    await expert.screenshot({ path: screenshotPath('evaluation-form-errors'), fullPage: true });

    // 4 everywhere, « non concerné » on costs; a comment on the first criterion; by keyboard for the second.
    const criteria = form.locator('fieldset.scoring-criterion[data-testid^="criterion-"]');
    for (let index = 0; index < 7; index++) {
      const fieldset = criteria.nth(index);
      if (index === 5) await fieldset.getByRole('radio', { name: 'Non concerné' }).check();
      else if (index === 1) {
        await fieldset.getByRole('radio', { name: '3 correct' }).focus();
        await expert.keyboard.press('ArrowRight');
      } else await fieldset.getByRole('radio', { name: '4 bon' }).check();
    }
    expect(await criteria.nth(1).getByRole('radio', { name: '4 bon' }).isChecked()).toBe(true);
    await criteria.nth(0).getByLabel('Commentaire (facultatif)').fill(EXPERT_COMMENT);
    await form.getByRole('radio', { name: 'À retenir en priorité' }).check();
    await form.getByLabel('Commentaire général (facultatif)').fill(GENERAL_COMMENT);
    expect(await expert.getByTestId('scoring-average').textContent()).toBe('Votre moyenne pondérée : 4,00 sur 5');
    await expert.screenshot({ path: screenshotPath('evaluation-form'), fullPage: true });
    const violations = await axeViolations(expert, { include: '.scoring-page' });
    expect(violations, formatViolations(violations)).toEqual([]);

    await form.getByRole('button', { name: 'Transmettre l’évaluation' }).click();
    await form.getByRole('status').filter({ hasText: 'Évaluation transmise : elle compte dans le classement.' }).waitFor();
    await expert.getByTestId('scoring-status').filter({ hasText: 'Évaluation transmise le' }).waitFor();
    expect(await form.getByRole('button', { name: 'Mettre à jour l’évaluation transmise' }).count()).toBe(1);

    // Back on the evaluation page, the proposal shows as handed in.
    await expert.getByRole('link', { name: 'Retour à l’évaluation' }).click();
    await waitForHeading(expert, 'Évaluation des propositions');
    await expert.getByTestId('proposals-to-score').getByRole('listitem').filter({ hasText: PROPOSAL }).getByText('Transmise').waitFor();
    // An expert does not see the ranking before it is published.
    expect(await expert.getByTestId('ranking').count()).toBe(0);
  });

  it('the lead sees the provisional ranking and every expert’s evaluation; a collectivité’s agent sees neither', async () => {
    lead = await e2e.openPage();
    await signInToDemoAmi(lead, e2e.server.url, DEMO.owner);
    await openEvaluation(lead);
    await lead.getByTestId('ranking').waitFor();
    expect((await rankingRows(lead))[0]).toEqual(['1', PROPOSAL, '4,00']);
    expect(await lead.getByText('Classement provisoire').count()).toBe(1);
    await lead.getByRole('group').or(lead.locator('details')).filter({ hasText: PROPOSAL }).first().locator('summary').click();
    await lead.getByText(EXPERT_COMMENT).waitFor();
    await lead.screenshot({ path: screenshotPath('evaluation-ranking-lead'), fullPage: true });
    const violations = await axeViolations(lead, { include: '.evaluation-page' });
    expect(violations, formatViolations(violations)).toEqual([]);

    // The grid editor, looked at and left unchanged.
    await lead.getByRole('button', { name: 'Modifier la grille' }).click();
    await lead.getByRole('heading', { name: 'Modifier la grille d’évaluation' }).waitFor();
    expect(await lead.getByRole('button', { name: 'Retirer le critère 1' }).isDisabled()).toBe(true);
    await lead.getByRole('heading', { name: 'Modifier la grille d’évaluation' }).evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
    await lead.screenshot({ path: screenshotPath('evaluation-grid-editor') });
    await lead.getByRole('button', { name: 'Annuler' }).click();
    await lead.getByTestId('evaluation-grid').waitFor();

    agent = await e2e.openPage();
    await signInToDemoAmi(agent, e2e.server.url, DEMO.editorCommune);
    await openEvaluation(agent);
    await agent.getByText('Les résultats ne sont pas encore publiés').first().waitFor();
    expect(await agent.getByTestId('ranking').count()).toBe(0);
    expect(await agent.getByText('Évaluations des experts').count()).toBe(0);
    expect(await agent.getByTestId('proposals-to-score').count()).toBe(0);
    await agent.screenshot({ path: screenshotPath('evaluation-grid-member'), fullPage: true });
  });

  it('the lead exports the ranking as CSV and PDF', async () => {
    const [csv] = await Promise.all([lead.waitForEvent('download'), lead.getByRole('button', { name: 'Exporter en CSV' }).click()]);
    expect(csv.suggestedFilename()).toMatch(new RegExp(`^Évaluation – ${DEMO_AMI_TITLE.replace(/[()]/g, '.')} – \\d{4}-\\d{2}-\\d{2}\\.csv$`));
    const bytes = await bytesOf(csv);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).split('\r\n');
    expect(lines[0]).toMatch(/^Rang;Proposition;Organisation;Moyenne pondérée \(sur 5\);/);
    expect(lines[1]).toMatch(new RegExp(`^1;${PROPOSAL.replace(/[()]/g, '\\$&')};Syndicat mixte des eaux du Val d’Authie;4;0;4;4;1;1;0;0;4;4;4;4;4;;4$`));
    await lead.getByRole('status').filter({ hasText: `Fichier enregistré : ${csv.suggestedFilename()}` }).waitFor();

    const [pdf] = await Promise.all([lead.waitForEvent('download'), lead.getByRole('button', { name: 'Exporter en PDF' }).click()]);
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    const text = (await pdfPageTexts(await bytesOf(pdf))).map(flat).join(' ');
    expect(text).toContain('RÉSULTATS DE L’ÉVALUATION');
    expect(text).toContain(DEMO_AMI_TITLE);
    expect(text).toContain('provisoire, non publiés');
    expect(text).toMatch(/1 Capteurs acoustiques de fuites sur le réseau \(LoRaWAN\) Syndicat mixte des eaux du Val d’Authie 4,00 0,00 4,00 – 4,00 1 1 \/ 0 \/ 0/);
    expect(text).toContain('Moyennes par critère');
    expect(text).not.toContain(EXPERT_COMMENT);
  });

  it('the lead publishes, and the agent then reads the ranking without the experts’ comments', async () => {
    await lead.getByRole('button', { name: 'Publier les résultats' }).click();
    const confirm = lead.getByRole('group', { name: 'Publier les résultats' });
    await confirm.getByText('Tous les membres de l’AMI verront le classement').waitFor();
    await confirm.getByRole('button', { name: 'Publier', exact: true }).click();
    await lead.getByTestId('evaluation-publication').filter({ hasText: 'par Claire Vasseur' }).waitFor();
    await lead.getByRole('button', { name: 'Retirer la publication' }).waitFor();
    expect(await lead.getByRole('button', { name: 'Modifier la grille' }).count()).toBe(0);

    await agent.reload();
    await waitForHeading(agent, 'Évaluation des propositions');
    await agent.getByTestId('ranking').waitFor();
    expect((await rankingRows(agent))[0]).toEqual(['1', PROPOSAL, '4,00']);
    expect(await agent.getByTestId('evaluation-publication').textContent()).toMatch(/^Résultats publiés le .* par Claire Vasseur\.$/);
    expect(await agent.getByText(EXPERT_COMMENT).count()).toBe(0);
    expect(await agent.getByText('Évaluations des experts').count()).toBe(0);
    expect(await agent.getByRole('button', { name: 'Publier les résultats' }).count()).toBe(0);
    await agent.screenshot({ path: screenshotPath('evaluation-ranking-published'), fullPage: true });

    // The expert's form is read-only now, and says why.
    await expert.reload();
    await waitForHeading(expert, 'Évaluation des propositions');
    await expert.getByTestId('proposals-to-score').getByRole('link', { name: `Voir mon évaluation : ${PROPOSAL}` }).click();
    await waitForHeading(expert, `Évaluation : ${PROPOSAL}`);
    await expert.getByText('Lecture seule').waitFor();
    expect(await expert.getByRole('radio', { name: '4 bon' }).first().isDisabled()).toBe(true);
    expect(e2e.pageErrors).toEqual([]);
  });
});
