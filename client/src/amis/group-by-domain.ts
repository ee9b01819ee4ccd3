/** The dashboard's grouping: one group per domain, domains and AMIs in French alphabetical order. */
import type { AmiSummaryView, DomainView } from '@eprouvette/shared';

export interface DomainGroup {
  domain: DomainView;
  amis: AmiSummaryView[];
}

export function groupByDomain(amis: readonly AmiSummaryView[]): DomainGroup[] {
  const groups = new Map<string, DomainGroup>();
  for (const ami of amis) {
    const group = groups.get(ami.domain.slug) ?? { domain: ami.domain, amis: [] };
    group.amis.push(ami);
    groups.set(ami.domain.slug, group);
  }
  const byName = (a: string, b: string) => a.localeCompare(b, 'fr', { sensitivity: 'base' });
  for (const group of groups.values()) group.amis.sort((a, b) => byName(a.title, b.title));
  return [...groups.values()].sort((a, b) => byName(a.domain.name, b.domain.name));
}
