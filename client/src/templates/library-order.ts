/**
 * The library as a board of an AMI shows it: the templates of the AMI's domain first, since they
 * were made for the same kind of challenge, then the others; newest first within each.
 */
export function domainFirst<T extends { domain: { slug: string } }>(templates: readonly T[], domain: string): T[] {
  return [...templates.filter((template) => template.domain.slug === domain), ...templates.filter((template) => template.domain.slug !== domain)];
}
