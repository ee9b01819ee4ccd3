/**
 * The results as a PDF for the selection committee (pdfmake, loaded the way the AMI text's PDF
 * loads it): a header with the AMI's facts and the publication, the ranking table, then each
 * proposal's average per criterion. The look is the AMI text export's (`export-style.ts`).
 */
import type { RankedProposalView, ResultsView } from '@eprouvette/shared';
import { RECOMMENDATIONS } from '@eprouvette/shared';
import { pageLabel, titlePageFacts, type TextExportMeta } from '../../ami-text/export/export-meta.ts';
import { bindFrenchSpaces, EXPORT_COLORS, EXPORT_SIZES, headingSize } from '../../ami-text/export/export-style.ts';
import { loadPdfMake } from '../../ami-text/export/pdf.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { t, type Lang, type MessageKey } from '../../i18n/index.ts';
import { formatAverage, formatWeight } from '../format.ts';
import { rankLabel } from './results-table.ts';

type PdfNode = Record<string, unknown>;

const color = (hex: string) => `#${hex}`;
const PAGE = { width: 595.28, margin: 56.7 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
const RUNNING = 'running';
const TABLE_SIZE = 9;
/** pdfmake's own light rules between rows: the table reads as the page's, without a grid. */
const TABLE_LAYOUT = 'lightHorizontalLines';

/** Roboto has no narrow no-break space (Intl puts it in numbers and dates): a plain one holds as well. */
const printable = (text: string) => bindFrenchSpaces(text.replace(/\u202F/g, '\u00A0'));


function headerCell(text: string): PdfNode {
  return { text: printable(text), bold: true, fillColor: color(EXPORT_COLORS.headerFill) };
}

function heading(text: string): PdfNode {
  return { text: printable(text), fontSize: headingSize(2), bold: true, color: color(EXPORT_COLORS.accent), margin: [0, 16, 0, 6], headlineLevel: 2 };
}

function header(results: ResultsView, meta: TextExportMeta): PdfNode[] {
  const { lang } = meta;
  const publication =
    results.publication === null
      ? t('evaluation.export.doc.provisional', undefined, lang)
      : formatDateTime(results.publication.at, lang);
  const facts = [
    ...titlePageFacts(meta).slice(0, -1),
    { label: t('evaluation.export.doc.publication', undefined, lang), value: publication },
    { label: t('evaluation.export.doc.experts', undefined, lang), value: String(results.experts) },
    ...titlePageFacts(meta).slice(-1),
  ];
  return [
    { text: printable(t('evaluation.export.doc.kind', undefined, lang).toLocaleUpperCase(lang)), bold: true, color: color(EXPORT_COLORS.accent) },
    { text: printable(meta.title), fontSize: headingSize(1) + 4, bold: true, color: color(EXPORT_COLORS.accent), margin: [0, 4, 0, 8] },
    {
      table: { widths: ['auto', '*'], body: facts.map((fact) => [{ text: printable(fact.label), color: color(EXPORT_COLORS.muted) }, { text: printable(fact.value), bold: true }]) },
      layout: 'noBorders',
    },
    { canvas: [{ type: 'line', x1: 0, y1: 0, x2: TEXT_WIDTH, y2: 0, lineWidth: 1.5, lineColor: color(EXPORT_COLORS.accent) }], margin: [0, 10, 0, 0] },
  ];
}

function rankingTable(results: ResultsView, lang: Lang): PdfNode {
  const label = (key: MessageKey) => t(key, undefined, lang);
  const number = (value: number | null) => ({ text: printable(formatAverage(value, lang)), alignment: 'right' });
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: ['auto', '*', 'auto', 'auto', 'auto', 'auto', 'auto'],
      body: [
        [
          headerCell(label('evaluation.ranking.rank')),
          headerCell(label('evaluation.ranking.proposal')),
          headerCell(label('evaluation.ranking.mean')),
          headerCell(label('evaluation.ranking.stdDev')),
          headerCell('Min – max'),
          headerCell(label('evaluation.ranking.experts')),
          headerCell(label('evaluation.export.doc.recommendationsShort')),
        ],
        ...results.ranking.map((row) => [
          { text: printable(rankLabel(row, lang)), bold: row.rank !== null },
          { stack: [{ text: printable(row.title), bold: true }, { text: printable(row.organisation), color: color(EXPORT_COLORS.muted) }] },
          number(row.mean),
          number(row.spread?.stdDev ?? null),
          { text: printable(row.spread === null ? formatAverage(null, lang) : `${formatAverage(row.spread.min, lang)} – ${formatAverage(row.spread.max, lang)}`), alignment: 'right', noWrap: true },
          { text: String(row.experts), alignment: 'right' },
          { text: RECOMMENDATIONS.map((recommendation) => row.recommendations[recommendation]).join(' / '), alignment: 'center', noWrap: true },
        ]),
      ],
    },
    layout: TABLE_LAYOUT,
    fontSize: TABLE_SIZE,
    margin: [0, 4, 0, 4],
  };
}

function proposalCriteria(results: ResultsView, row: RankedProposalView, lang: Lang): PdfNode[] {
  const label = (key: MessageKey) => t(key, undefined, lang);
  const facts = t('evaluation.export.doc.proposalFacts', { organisation: row.organisation, mean: formatAverage(row.mean, lang), experts: row.experts }, lang);
  return [
    {
      text: printable(
        row.rank === null
          ? t('evaluation.export.doc.unrankedHeading', { title: row.title }, lang)
          : t('evaluation.export.doc.proposalHeading', { rank: row.rank, title: row.title }, lang),
      ),
      fontSize: headingSize(3),
      bold: true,
      margin: [0, 10, 0, 2],
      headlineLevel: 3,
    },
    { text: printable(facts), color: color(EXPORT_COLORS.muted), margin: [0, 0, 0, 4] },
    {
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: ['*', 'auto', 'auto', 'auto', 'auto'],
        body: [
          [label('evaluation.export.doc.criterion'), label('evaluation.grid.weight'), label('evaluation.export.doc.mean'), label('evaluation.export.doc.scored'), label('evaluation.export.doc.notApplicable')].map(headerCell),
          ...results.criteria.map((criterion, index) => {
            const result = row.criteria[index];
            return [
              { text: printable(criterion.label) },
              { text: printable(formatWeight(criterion.weight, lang)), alignment: 'right' },
              { text: printable(formatAverage(result?.mean ?? null, lang)), alignment: 'right' },
              { text: String(result?.scored ?? 0), alignment: 'right' },
              { text: String(result?.notApplicable ?? 0), alignment: 'right' },
            ];
          }),
        ],
      },
      layout: TABLE_LAYOUT,
      fontSize: TABLE_SIZE,
    },
  ];
}

export async function resultsPdf(results: ResultsView, meta: TextExportMeta): Promise<Uint8Array> {
  const pdfmake = await loadPdfMake();
  const { lang } = meta;
  const document = {
    info: { title: `${t('evaluation.export.doc.kind', undefined, lang)} – ${meta.title}`, creator: 'Éprouvette', producer: 'Éprouvette' },
    pageSize: 'A4',
    pageMargins: [PAGE.margin, PAGE.margin, PAGE.margin, PAGE.margin],
    defaultStyle: { font: 'Roboto', fontSize: EXPORT_SIZES.body, lineHeight: 1.15, color: color(EXPORT_COLORS.text) },
    styles: { [RUNNING]: { fontSize: EXPORT_SIZES.small, color: color(EXPORT_COLORS.muted) } },
    header: (page: number) => (page === 1 ? null : { text: printable(meta.title), style: RUNNING, alignment: 'right', margin: [PAGE.margin, 24, PAGE.margin, 0] }),
    footer: (page: number, pages: number) => ({ text: printable(pageLabel(meta, page, pages)), style: RUNNING, alignment: 'center', margin: [0, 16, 0, 0] }),
    // A heading with nothing after it on its page (the running header and footer aside) starts the next page.
    pageBreakBefore: (node: { headlineLevel?: number }, nodes: { getFollowingNodesOnPage: () => { style?: unknown }[] }) =>
      node.headlineLevel !== undefined && nodes.getFollowingNodesOnPage().every((following) => following.style === RUNNING),
    content: [
      ...header(results, meta),
      heading(t('evaluation.ranking.title', undefined, lang)),
      rankingTable(results, lang),
      { text: printable(t('evaluation.export.doc.recommendationsLegend', undefined, lang)), fontSize: EXPORT_SIZES.small, color: color(EXPORT_COLORS.muted) },
      heading(t('evaluation.criteria.title', undefined, lang)),
      ...results.ranking.flatMap((row) => proposalCriteria(results, row, lang)),
    ],
  };
  return new Uint8Array(await pdfmake.createPdf(document).getBuffer());
}
