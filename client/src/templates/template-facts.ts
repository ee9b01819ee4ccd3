/** What every view of a template says about it: where it comes from, and who published it when. */
import type { TemplateSummaryView } from '@eprouvette/shared';
import { relativeTime } from '../comments/relative-time.ts';
import type { Lang, Translate } from '../i18n/index.ts';

export function templateOrigin(template: TemplateSummaryView, t: Translate): string {
  return t('templates.origin', { organisation: template.origin.organisation, ami: template.origin.amiTitle });
}

export function templatePublished(template: TemplateSummaryView, t: Translate, lang: Lang, now: number): string {
  const when = relativeTime(template.createdAt, now, lang);
  return template.publishedBy === null ? t('templates.publishedWhen', { when }) : t('templates.publishedBy', { name: template.publishedBy.name, when });
}
