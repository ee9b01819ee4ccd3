/**
 * What an export says about the AMI besides its text: the title page's facts, the running header
 * and the page numbers, in the reader's language (French by default), and the file's name.
 */
import type { AmiDates, AmiSummaryView } from '@eprouvette/shared';
import { fileDate, fileSafeTitle } from '../../board/export/file-name.ts';
import { formatDateTime, formatDay, formatEuros } from '../../i18n/format.ts';
import { t, type Lang, type MessageKey } from '../../i18n/index.ts';

export interface TextExportMeta {
  readonly title: string;
  readonly domainName: string;
  /** The status as its badge names it (« Publié »). */
  readonly statusLabel: string;
  readonly dates: AmiDates;
  readonly envelopeEuros: number | null;
  readonly exportedAt: Date;
  readonly lang: Lang;
  /** Which version of the text this is, when it is not the current one. */
  readonly version?: string;
}

export function exportMetaOf(ami: AmiSummaryView, lang: Lang, exportedAt: Date, version?: string): TextExportMeta {
  return {
    title: ami.title,
    domainName: ami.domain.name,
    statusLabel: t(`ami.status.${ami.status}`, undefined, lang),
    dates: ami.dates,
    envelopeEuros: ami.envelopeEuros,
    exportedAt,
    lang,
    ...(version === undefined ? {} : { version }),
  };
}

export interface Fact {
  readonly label: string;
  readonly value: string;
}

/** The title page's facts, only those that are set, in the order the AMI page shows them. */
export function titlePageFacts(meta: TextExportMeta): Fact[] {
  const { lang } = meta;
  const facts: Fact[] = [
    { label: t('textExport.doc.domain', undefined, lang), value: meta.domainName },
    { label: t('textExport.doc.status', undefined, lang), value: meta.statusLabel },
  ];
  const { opensOn, closesOn, endsOn } = meta.dates;
  if (opensOn) facts.push({ label: t('ami.dates.opensOn', undefined, lang), value: formatDay(opensOn, lang) });
  if (closesOn) facts.push({ label: t('ami.dates.closesOn', undefined, lang), value: formatDay(closesOn, lang) });
  if (endsOn) facts.push({ label: t('ami.dates.endsOn', undefined, lang), value: formatDay(endsOn, lang) });
  if (meta.envelopeEuros !== null) {
    facts.push({ label: t('ami.envelope', undefined, lang), value: formatEuros(meta.envelopeEuros, lang) });
  }
  if (meta.version !== undefined) facts.push({ label: t('textExport.doc.version', undefined, lang), value: meta.version });
  facts.push({
    label: t('textExport.doc.exportedAt', undefined, lang),
    value: formatDateTime(meta.exportedAt.toISOString(), lang),
  });
  return facts;
}

/** The line above the title: what kind of document this is. */
export function documentKind(meta: TextExportMeta): string {
  return t('textExport.doc.kind', undefined, meta.lang);
}

export function pageLabel(meta: TextExportMeta, page: number, pages: number): string {
  return t('textExport.doc.page', { page, pages }, meta.lang);
}

/** « Domaine : Gestion de l’eau » (« Domain: … » in English). */
export function factLine(meta: TextExportMeta, fact: Fact): string {
  return t('textExport.doc.fact', { label: fact.label, value: fact.value }, meta.lang);
}

export type MessagePart = string | { readonly field: string };

/**
 * A message cut around its placeholders, for a format that fills them in itself (Word numbers
 * the pages when it lays them out) or styles them apart (a fact's label and value).
 */
export function messageParts(key: MessageKey, lang: Lang): MessagePart[] {
  return t(key, undefined, lang)
    .split(/(\{\w+\})/)
    .filter((part) => part !== '')
    .map((part) => (/^\{\w+\}$/.test(part) ? { field: part.slice(1, -1) } : part));
}

export type TextExportExtension = 'docx' | 'pdf' | 'md';

/** « AMI – <titre> – <date>.docx »: the exports of one AMI sort together, then by day. */
export function textExportFileName(title: string, date: Date, extension: TextExportExtension): string {
  // Cleaned with its prefix, so that a title with nothing a file name may hold leaves « AMI ».
  const name = fileSafeTitle(`AMI – ${title}`).replace(/\s*–$/, '');
  return `${name} – ${fileDate(date)}.${extension}`;
}
