import { describe, expect, it } from 'vitest';
import { meta } from '../../ami-text/export/testing/fixtures.ts';
import { pdfPageTexts } from '../../ami-text/export/testing/read-back.ts';
import { resultsPdf } from './results-pdf.ts';
import { resultsFixture } from './testing/results-fixture.ts';

/** Text as a reader searches it: line wraps and no-break spaces as plain spaces. */
const flat = (value: string) => value.replace(/\s+/g, ' ').trim();

describe('resultsPdf', () => {
  it('heads the ranking with the AMI’s facts, then lists the proposals in order with their averages and spread', async () => {
    const title = 'Gestion de l’eau 2026';
    const pages = (await pdfPageTexts(await resultsPdf(resultsFixture('2026-03-04T13:05:00.000Z'), meta({ title })))).map(flat);
    const text = pages.join(' ');
    expect(pages[0]).toContain('RÉSULTATS DE L’ÉVALUATION');
    expect(pages[0]).toContain(title);
    expect(pages[0]).toContain('Domaine Gestion de l’eau');
    expect(pages[0]).toContain('Publication 4 mars 2026');
    expect(pages[0]).toContain('Experts 2');
    expect(pages[0]).toContain('Classement');
    const order = ['Capteurs acoustiques de fuites (LoRaWAN)', '=Télérelève "48 h"', 'Sondes d’humidité du sol'].map((name) => text.indexOf(name));
    expect(order.every((at, index) => at >= 0 && (index === 0 || at > order[index - 1]!))).toBe(true);
    // Capteurs: mean 3,50, σ 0,50, from 3,00 to 4,00, 2 experts, recommendations 1 / 1 / 0.
    expect(text).toMatch(/1 Capteurs acoustiques de fuites \(LoRaWAN\) Syndicat mixte des eaux du Val d’Authie 3,50 0,50 3,00 – 4,00 2 1 \/ 1 \/ 0/);
    // Nobody scored it: no rank, dashes for the numbers.
    expect(text).toMatch(/non classée Sondes d’humidité du sol Commune de Fontaine-lès- ?Boulans — — — 0 0 \/ 0 \/ 0/);
    expect(text).toContain('P : à retenir en priorité · S : à retenir si possible · N : à ne pas retenir.');
    pages.forEach((page, index) => expect(page).toContain(`Page ${index + 1} sur ${pages.length}`));
  });

  it('gives each proposal its average per criterion, with the weights', async () => {
    const text = (await pdfPageTexts(await resultsPdf(resultsFixture(), meta()))).map(flat).join(' ');
    expect(text).toContain('Moyennes par critère');
    expect(text).toContain('1. Capteurs acoustiques de fuites (LoRaWAN)');
    expect(text).toMatch(/Pertinence au défi territorial 2 4,00 2 0 Coût ; sobriété 1 2,00 1 1/);
    expect(text).toContain('Sondes d’humidité du sol (non classée)');
    expect(text).toContain('provisoire, non publiés');
  });
});
