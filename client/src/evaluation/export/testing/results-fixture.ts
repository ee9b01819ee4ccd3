/** Results of a small evaluation, ranked by the shared function, for the exports' tests. */
import type { Criterion, ExpertEvaluation, ResultsView } from '@eprouvette/shared';
import { NOT_APPLICABLE, rankProposals } from '@eprouvette/shared';

export const CRITERIA: Criterion[] = [
  { id: 'pertinenceaaaaaa', label: 'Pertinence au défi territorial', description: '', weight: 2 },
  { id: 'coutaaaaaaaaaaaa', label: 'Coût ; sobriété', description: '', weight: 1 },
];

export const PROPOSALS = [
  { id: 'capteursaaaaaaaa', title: 'Capteurs acoustiques de fuites (LoRaWAN)', organisation: 'Syndicat mixte des eaux du Val d’Authie' },
  { id: 'telereleveaaaaaa', title: '=Télérelève "48 h"', organisation: 'Commune de Fontaine-lès-Boulans' },
  { id: 'sondesaaaaaaaaaa', title: 'Sondes d’humidité du sol', organisation: 'Commune de Fontaine-lès-Boulans' },
];

const EVALUATIONS: ExpertEvaluation[] = [
  { boardId: 'capteursaaaaaaaa', expertId: 'sophie', recommendation: 'priorite', scores: [{ criterionId: 'pertinenceaaaaaa', value: 5 }, { criterionId: 'coutaaaaaaaaaaaa', value: 2 }] },
  { boardId: 'capteursaaaaaaaa', expertId: 'marc', recommendation: 'si-possible', scores: [{ criterionId: 'pertinenceaaaaaa', value: 3 }, { criterionId: 'coutaaaaaaaaaaaa', value: NOT_APPLICABLE }] },
  { boardId: 'telereleveaaaaaa', expertId: 'sophie', recommendation: 'non-retenu', scores: [{ criterionId: 'pertinenceaaaaaa', value: 1 }, { criterionId: 'coutaaaaaaaaaaaa', value: 1 }] },
];

/** Capteurs: Sophie (5×2 + 2) / 3 = 4, Marc 3 → mean 3.5, σ 0.5. Télérelève: 1. Sondes: nobody. */
export function resultsFixture(publishedAt: string | null = null): ResultsView {
  const byId = new Map(PROPOSALS.map((proposal) => [proposal.id, proposal]));
  return {
    criteria: CRITERIA,
    publication: publishedAt === null ? null : { at: publishedAt, by: 'Julien Lefebvre' },
    experts: 2,
    ranking: rankProposals(CRITERIA, PROPOSALS, EVALUATIONS).map((result) => {
      const proposal = byId.get(result.boardId)!;
      return { ...result, title: proposal.title, organisation: proposal.organisation, archived: false };
    }),
  };
}
