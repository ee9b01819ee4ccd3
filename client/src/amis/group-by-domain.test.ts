import { describe, expect, it } from 'vitest';
import type { AmiSummaryView } from '@eprouvette/shared';
import { groupByDomain } from './group-by-domain.ts';

const EAU = { slug: 'gestion-eau', name: "Gestion de l'eau" };
const ENERGIE = { slug: 'pilotage-energetique', name: 'Pilotage énergétique' };
const DECHETS = { slug: 'gestion-dechets', name: 'Gestion des déchets' };

function ami(id: string, title: string, domain: AmiSummaryView['domain']): AmiSummaryView {
  return {
    id,
    title,
    domain,
    status: 'brouillon',
    dates: { opensOn: null, closesOn: null, endsOn: null },
    envelopeEuros: null,
    summary: '',
    tags: [],
    role: 'reader',
    boardCount: 0,
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

describe('groupByDomain', () => {
  it('groups AMIs under their domain, both sorted the French way', () => {
    const groups = groupByDomain([
      ami('a', 'Télérelève', EAU),
      ami('b', 'Éclairage public', ENERGIE),
      ami('c', 'Capteurs de fuites', EAU),
      ami('d', 'Bornes de collecte', DECHETS),
      ami('e', 'écoles et CO₂', ENERGIE),
    ]);
    expect(groups.map((group) => [group.domain.name, group.amis.map((item) => item.title)])).toEqual([
      ["Gestion de l'eau", ['Capteurs de fuites', 'Télérelève']],
      ['Gestion des déchets', ['Bornes de collecte']],
      ['Pilotage énergétique', ['Éclairage public', 'écoles et CO₂']],
    ]);
  });

  it('has no group for no AMI', () => {
    expect(groupByDomain([])).toEqual([]);
  });
});
