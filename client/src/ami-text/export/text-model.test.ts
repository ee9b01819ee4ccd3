import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { AMI_TEXT_SECTIONS } from '../../../../server/src/documents/ami-text-template.ts';
import { AMI_TEXT_FIELD } from '../text-field.ts';
import { docFromJson, heading, item, paragraph, templateDoc, text, WEIGHTS_TABLE } from './testing/fixtures.ts';
import { inlineText, linkSpans, readTextModel, textModelOf, type Block, type Inline } from './text-model.ts';

const plain = (value: string): Inline => ({ kind: 'text', text: value, marks: {} });
const para = (...content: Inline[]): Block => ({ kind: 'paragraph', content });

describe('textModelOf', () => {
  it('reads the template the server seeds: the title, the domain, then each section and its prompt', () => {
    const { blocks } = textModelOf(templateDoc('Gestion de l’eau 2026'));
    expect(blocks.slice(0, 2)).toEqual([
      { kind: 'heading', level: 1, content: [plain('Gestion de l’eau 2026')] },
      para(plain('Domaine : Gestion de l’eau')),
    ]);
    expect(blocks.slice(2)).toEqual(
      AMI_TEXT_SECTIONS.flatMap((section) => [
        { kind: 'heading', level: 2, content: [plain(section.title)] },
        para(plain(section.prompt)),
      ]),
    );
  });

  it('keeps every mark of a text run, links included, and hard breaks', () => {
    const doc = docFromJson([
      paragraph(
        text('gras', [{ type: 'bold' }]),
        text('italique', [{ type: 'italic' }]),
        text('barré', [{ type: 'strike' }]),
        text('code', [{ type: 'code' }]),
        text('souligné', [{ type: 'underline' }]),
        text('surligné', [{ type: 'highlight' }]),
        { type: 'hardBreak' },
        text('lien', [{ type: 'link', attrs: { href: 'https://www.hautsdefrance.fr' } }, { type: 'bold' }]),
        text(' courriel', [{ type: 'link', attrs: { href: 'mailto:contact@region.fr' } }]),
      ),
    ]);
    expect(textModelOf(doc).blocks).toEqual([
      para(
        { kind: 'text', text: 'gras', marks: { bold: true } },
        { kind: 'text', text: 'italique', marks: { italic: true } },
        { kind: 'text', text: 'barré', marks: { strike: true } },
        { kind: 'text', text: 'code', marks: { code: true } },
        { kind: 'text', text: 'souligné', marks: { underline: true } },
        { kind: 'text', text: 'surligné', marks: { highlight: true } },
        { kind: 'break' },
        { kind: 'text', text: 'lien', marks: { bold: true }, href: 'https://www.hautsdefrance.fr' },
        { kind: 'text', text: ' courriel', marks: {}, href: 'mailto:contact@region.fr' },
      ),
    ]);
  });

  it('reads headings of every level, quotes, code blocks and rules', () => {
    const doc = docFromJson([
      heading(1, 'Un'),
      heading(2, 'Deux'),
      heading(3, 'Trois'),
      { type: 'blockquote', content: [paragraph(text('Cité'))] },
      { type: 'codeBlock', attrs: { language: 'json' }, content: [text('{\n  "a": 1\n}')] },
      { type: 'codeBlock', content: [text('brut')] },
      { type: 'horizontalRule' },
    ]);
    expect(textModelOf(doc).blocks).toEqual([
      { kind: 'heading', level: 1, content: [plain('Un')] },
      { kind: 'heading', level: 2, content: [plain('Deux')] },
      { kind: 'heading', level: 3, content: [plain('Trois')] },
      { kind: 'blockquote', blocks: [para(plain('Cité'))] },
      { kind: 'code', language: 'json', text: '{\n  "a": 1\n}' },
      { kind: 'code', language: null, text: 'brut' },
      { kind: 'rule' },
    ]);
  });

  it('reads nested lists, and where an ordered list starts', () => {
    const doc = docFromJson([
      {
        type: 'bulletList',
        content: [
          item(
            paragraph(text('Capteurs')),
            { type: 'orderedList', attrs: { start: 3 }, content: [item(paragraph(text('LoRaWAN'))), item(paragraph(text('NB-IoT')))] },
          ),
          item(paragraph(text('Données'))),
        ],
      },
    ]);
    expect(textModelOf(doc).blocks).toEqual([
      {
        kind: 'list',
        ordered: false,
        start: 1,
        items: [
          {
            blocks: [
              para(plain('Capteurs')),
              { kind: 'list', ordered: true, start: 3, items: [{ blocks: [para(plain('LoRaWAN'))] }, { blocks: [para(plain('NB-IoT'))] }] },
            ],
          },
          { blocks: [para(plain('Données'))] },
        ],
      },
    ]);
  });

  it('reads tables: header cells, and column and row spans', () => {
    const doc = docFromJson([WEIGHTS_TABLE]);
    const header = (value: string) => ({ header: true, colspan: 1, rowspan: 1, blocks: [para(plain(value))] });
    const body = (value: string, colspan = 1, rowspan = 1) => ({ header: false, colspan, rowspan, blocks: [para(plain(value))] });
    expect(textModelOf(doc).blocks).toEqual([
      {
        kind: 'table',
        rows: [
          { cells: [header('Critère'), header('Poids')] },
          { cells: [body('Pertinence', 1, 2), body('30 %')] },
          { cells: [body('25 %')] },
          { cells: [body('Total', 2)] },
        ],
      },
    ]);
  });

  it('drops empty paragraphs, and links whose scheme the editor refuses', () => {
    const fragment = new Y.Doc().getXmlFragment(AMI_TEXT_FIELD);
    const empty = new Y.XmlElement('paragraph');
    const withLink = new Y.XmlElement('paragraph');
    const run = new Y.XmlText();
    fragment.insert(0, [empty, withLink]);
    withLink.insert(0, [run]);
    run.insert(0, 'cliquer', { link: { href: 'javascript:alert(1)' } });
    expect(readTextModel(fragment).blocks).toEqual([para(plain('cliquer'))]);
  });

  it('degrades what it does not know to its text, and never throws on odd attributes', () => {
    const fragment = new Y.Doc().getXmlFragment(AMI_TEXT_FIELD);
    const callout = new Y.XmlElement('callout');
    const first = new Y.XmlElement('paragraph');
    const second = new Y.XmlElement('paragraph');
    const withMention = new Y.XmlElement('paragraph');
    const mention = new Y.XmlElement('mention');
    const oddHeading = new Y.XmlElement('heading');
    const oddList = new Y.XmlElement('orderedList');
    const stray = new Y.XmlText();
    fragment.insert(0, [callout, withMention, oddHeading, oddList, stray]);
    callout.insert(0, [first, second]);
    first.insert(0, [new Y.XmlText('Attention')]);
    second.insert(0, [new Y.XmlText('date limite')]);
    withMention.insert(0, [new Y.XmlText('Voir '), mention]);
    mention.insert(0, [new Y.XmlText('@Claire')]);
    oddHeading.setAttribute('level', 'énorme');
    oddHeading.insert(0, [new Y.XmlText('Titre')]);
    oddList.setAttribute('start', '-4');
    // A paragraph straight in the list, not in a list item.
    const loose = new Y.XmlElement('paragraph');
    oddList.insert(0, [loose]);
    loose.insert(0, [new Y.XmlText('seul')]);
    stray.insert(0, 'texte nu', { bold: {}, comment: { id: 'x' } });

    expect(readTextModel(fragment).blocks).toEqual([
      para(plain('Attention\ndate limite')),
      para(plain('Voir '), plain('@Claire')),
      { kind: 'heading', level: 1, content: [plain('Titre')] },
      { kind: 'list', ordered: true, start: 1, items: [{ blocks: [para(plain('seul'))] }] },
      para({ kind: 'text', text: 'texte nu', marks: { bold: true } }),
    ]);
  });

  it('bounds the spans a table cell may claim', () => {
    const fragment = new Y.Doc().getXmlFragment(AMI_TEXT_FIELD);
    const table = new Y.XmlElement('table');
    const row = new Y.XmlElement('tableRow');
    const huge = new Y.XmlElement('tableCell');
    fragment.insert(0, [table]);
    table.insert(0, [row]);
    row.insert(0, [huge]);
    huge.setAttribute('colspan', '1000000');
    huge.setAttribute('rowspan', 'deux');
    const [block] = readTextModel(fragment).blocks;
    expect(block).toMatchObject({ kind: 'table', rows: [{ cells: [{ colspan: 50, rowspan: 1, blocks: [] }] }] });
  });

  it('reads a version: the document as a snapshot held it, whatever came after', () => {
    const doc = new Y.Doc({ gc: false });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(templateDoc('Gestion de l’eau 2026')));
    const before = textModelOf(doc);
    const snapshot = Y.snapshot(doc);
    const fragment = doc.getXmlFragment(AMI_TEXT_FIELD);
    fragment.delete(0, 4);
    fragment.insert(0, [new Y.XmlElement('horizontalRule')]);
    const version = Y.createDocFromSnapshot(doc, snapshot);
    expect(textModelOf(version)).toEqual(before);
    expect(textModelOf(doc)).not.toEqual(before);
  });
});

describe('inline helpers', () => {
  it('joins inline text with hard breaks as newlines', () => {
    expect(inlineText([plain('a'), { kind: 'break' }, plain('b')])).toBe('a\nb');
  });

  it('keeps one link over differently marked runs', () => {
    const href = 'https://exemple.fr';
    const bold: Inline = { kind: 'text', text: 'très', marks: { bold: true }, href };
    const rest: Inline = { kind: 'text', text: ' utile', marks: {}, href };
    expect(linkSpans([plain('un lien '), bold, rest, plain('.')])).toEqual([
      { href: null, content: [plain('un lien ')] },
      { href, content: [bold, rest] },
      { href: null, content: [plain('.')] },
    ]);
  });
});
