import { describe, expect, it } from 'vitest';
import { CSV_BOM } from '@eprouvette/shared';
import { resultsCsv } from './results-csv.ts';
import { resultsFileName } from './results-table.ts';
import { resultsFixture } from './testing/results-fixture.ts';

describe('resultsCsv', () => {
  it('writes one line per proposal in ranking order, numbers with a decimal comma, after the headers', async () => {
    const blob = resultsCsv(resultsFixture(), 'fr');
    expect(blob.type).toBe('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    // UTF-8 byte-order mark first, for Excel.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith(CSV_BOM)).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines.pop()).toBe('');
    expect(lines).toEqual([
      'Rang;Proposition;Organisation;Moyenne pondérée (sur 5);Écart-type entre experts;Moyenne d’expert la plus basse;Moyenne d’expert la plus haute;Experts;À retenir en priorité;À retenir si possible;À ne pas retenir;Pertinence au défi territorial (moyenne);"Coût ; sobriété (moyenne)"',
      '1;Capteurs acoustiques de fuites (LoRaWAN);Syndicat mixte des eaux du Val d’Authie;3,50;0,50;3;4;2;1;1;0;4;2',
      // A title that looks like a formula is made text, and its quotes doubled.
      '2;"\'=Télérelève ""48 h""";Commune de Fontaine-lès-Boulans;1;0;1;1;1;0;0;1;1;1',
      'non classée;Sondes d’humidité du sol;Commune de Fontaine-lès-Boulans;;;;;0;0;0;0;;',
    ]);
  });

  it('speaks English to an English reader', async () => {
    const text = await resultsCsv(resultsFixture(), 'en').text();
    expect(text.split('\r\n')[0]).toContain('Rank;Proposal;Organisation;Weighted average (out of 5)');
    expect(text).toContain('not ranked;Sondes');
  });

  it('is named after the AMI and the day', () => {
    expect(resultsFileName('Gestion de l’eau : 2026', new Date(2026, 2, 4), 'csv', 'fr')).toBe('Évaluation – Gestion de l’eau 2026 – 2026-03-04.csv');
  });
});
