import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../../i18n/format.ts';
import { exportMetaOf, factLine, messageParts, pageLabel, textExportFileName, titlePageFacts } from './export-meta.ts';
import { meta } from './testing/fixtures.ts';

describe('titlePageFacts', () => {
  it('lists the domain, the status, the dates that are set, the envelope and the export date, in French', () => {
    expect(titlePageFacts(meta()).map((fact) => `${fact.label} : ${fact.value}`)).toEqual([
      'Domaine : Gestion de l’eau',
      'Statut : Publié',
      'Ouverture des candidatures : 15 septembre 2026',
      'Date limite de candidature : 30 novembre 2026',
      'Enveloppe : 600\u202F000\u00A0€',
      `Exporté le : ${formatDateTime('2026-03-02T14:05:00.000Z', 'fr')}`,
    ]);
  });

  it('names the version when the export is of one, and leaves out what is not set', () => {
    const facts = titlePageFacts(meta({ envelopeEuros: null, dates: { opensOn: null, closesOn: null, endsOn: '2027-06-30' }, version: 'Avant comité' }));
    expect(facts.map((fact) => fact.label)).toEqual(['Domaine', 'Statut', 'Fin des expérimentations', 'Version', 'Exporté le']);
  });

  it('speaks English to an English reader', () => {
    expect(titlePageFacts(meta({ lang: 'en' }))[0]).toEqual({ label: 'Domain', value: 'Gestion de l’eau' });
    expect(pageLabel(meta({ lang: 'en' }), 3, 12)).toBe('Page 3 of 12');
  });
});

describe('exportMetaOf', () => {
  it('takes the AMI’s view and names its status as the badge does', () => {
    const ami = {
      id: 'a'.repeat(16),
      title: 'Mobilités',
      domain: { slug: 'mobilites', name: 'Fluidité des mobilités' },
      status: 'selection',
      dates: { opensOn: null, closesOn: null, endsOn: null },
      envelopeEuros: null,
      summary: '',
      tags: [],
      role: 'owner',
      boardCount: 0,
      updatedAt: '2026-01-01T00:00:00.000Z',
    } as const;
    const at = new Date('2026-03-02T14:05:00Z');
    expect(exportMetaOf({ ...ami, tags: [] }, 'fr', at)).toEqual({
      title: 'Mobilités',
      domainName: 'Fluidité des mobilités',
      statusLabel: 'Sélection / évaluation',
      dates: ami.dates,
      envelopeEuros: null,
      exportedAt: at,
      lang: 'fr',
    });
  });
});

describe('page labels and file names', () => {
  it('cuts « Page {page} sur {pages} » around the numbers Word fills in', () => {
    expect(pageLabel(meta(), 3, 12)).toBe('Page 3 sur 12');
    expect(messageParts('textExport.doc.page', 'fr')).toEqual(['Page ', { field: 'page' }, ' sur ', { field: 'pages' }]);
  });

  it('writes a fact as each language punctuates it', () => {
    const fact = { label: 'Statut', value: 'Publié' };
    expect(factLine(meta(), fact)).toBe('Statut\u00A0: Publié');
    expect(factLine(meta({ lang: 'en' }), { label: 'Status', value: 'Published' })).toBe('Status: Published');
    expect(messageParts('textExport.doc.fact', 'fr')).toEqual([{ field: 'label' }, '\u00A0: ', { field: 'value' }]);
  });

  it('names the file « AMI – <titre> – <date> » without what file systems refuse', () => {
    const day = new Date(2026, 2, 2, 14, 5);
    expect(textExportFileName('Gestion de l’eau 2026', day, 'docx')).toBe('AMI – Gestion de l’eau 2026 – 2026-03-02.docx');
    expect(textExportFileName('Eau / assainissement : « phase 2 »?', day, 'pdf')).toBe('AMI – Eau assainissement « phase 2 » – 2026-03-02.pdf');
    expect(textExportFileName('???', day, 'md')).toBe('AMI – 2026-03-02.md');
  });
});
