import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addShapes, deleteShapes, moveShapes, updateShapes } from '../board/layout.ts';
import { frame, idSequence, sticky } from '../board/testing.ts';
import { compareBoard, compareText, compareTextBlocks, type BlockComparison } from './compare.ts';
import { readTextBlocks, TEXT_FRAGMENT, type TextBlock } from './text-blocks.ts';

function element(name: string, children: (Y.XmlElement | Y.XmlText | string)[], attributes: Record<string, unknown> = {}): Y.XmlElement {
  const node = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value as string);
  node.insert(
    0,
    children.map((child) => {
      if (typeof child !== 'string') return child;
      const text = new Y.XmlText();
      text.insert(0, child);
      return text;
    }),
  );
  return node;
}

const paragraph = (text: string): TextBlock => ({ kind: 'paragraph', level: 0, text });
const heading = (text: string): TextBlock => ({ kind: 'heading', level: 2, text });

/** The comparison as short lines: status, then the words marked + (added) and - (removed). */
function spelled(blocks: BlockComparison[]): string[] {
  return blocks.map(
    (block) => `${block.status} ${block.parts.map((part) => (part.change === 'same' ? part.text : `[${part.change === 'added' ? '+' : '-'}${part.text}]`)).join('')}`,
  );
}

describe('readTextBlocks', () => {
  it('makes one block per heading, paragraph, list item and table cell, marks and breaks read as text', () => {
    const doc = new Y.Doc();
    const bold = new Y.XmlText();
    bold.insert(0, 'acoustiques', { bold: {} });
    doc.getXmlFragment(TEXT_FRAGMENT).insert(0, [
      element('heading', ['Objectifs'], { level: 2 }),
      element('paragraph', ['Capteurs ', bold, element('hardBreak', []), 'sur le réseau']),
      element('paragraph', []),
      element('bulletList', [
        element('listItem', [element('paragraph', ['Débits de nuit']), element('bulletList', [element('listItem', [element('paragraph', ['par secteur'])])])]),
      ]),
      element('table', [element('tableRow', [element('tableHeader', [element('paragraph', ['Critère'])]), element('tableCell', [element('paragraph', ['Pondération'])])])]),
    ]);
    expect(readTextBlocks(doc.getXmlFragment(TEXT_FRAGMENT))).toEqual([
      { kind: 'heading', level: 2, text: 'Objectifs' },
      { kind: 'paragraph', level: 0, text: 'Capteurs acoustiques\nsur le réseau' },
      { kind: 'list-item', level: 0, text: 'Débits de nuit' },
      { kind: 'list-item', level: 0, text: 'par secteur' },
      { kind: 'table-cell', level: 0, text: 'Critère' },
      { kind: 'table-cell', level: 0, text: 'Pondération' },
    ]);
  });
});

describe('compareTextBlocks', () => {
  it('marks unchanged, added and removed blocks, and the words changed within a block', () => {
    const version = [heading('Contexte'), paragraph('Capteurs acoustiques sur le réseau'), paragraph('Paragraphe supprimé')];
    const now = [heading('Contexte'), paragraph('Capteurs acoustiques connectés sur le réseau'), paragraph('Nouveau paragraphe'), heading('Calendrier')];
    expect(spelled(compareTextBlocks(version, now))).toEqual([
      'unchanged Contexte',
      'changed Capteurs acoustiques [+connectés ]sur le réseau',
      'changed [-Paragraphe supprimé][+Nouveau paragraphe]',
      'added [+Calendrier]',
    ]);
  });

  it('does not pair blocks of different kinds', () => {
    expect(spelled(compareTextBlocks([paragraph('Contacts')], [heading('Contacts')]))).toEqual(['removed [-Contacts]', 'added [+Contacts]']);
  });

  it('lists a block removed at the end', () => {
    expect(compareTextBlocks([paragraph('Un'), paragraph('Deux')], [paragraph('Un')]).map((block) => block.status)).toEqual(['unchanged', 'removed']);
  });

  it('finds nothing changed in equal texts', () => {
    const blocks = [heading('Contexte'), paragraph('Texte')];
    expect(compareTextBlocks(blocks, blocks).every((block) => block.status === 'unchanged')).toBe(true);
  });
});

describe('compareText', () => {
  it('reads both documents', () => {
    const version = new Y.Doc();
    version.getXmlFragment(TEXT_FRAGMENT).insert(0, [element('paragraph', ['Télérelève des compteurs'])]);
    const now = new Y.Doc();
    Y.applyUpdate(now, Y.encodeStateAsUpdate(version));
    ((now.getXmlFragment(TEXT_FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(24, ' d’eau');
    expect(spelled(compareText(version, now))).toEqual(['changed Télérelève des compteurs [+d’eau]']);
  });
});

describe('compareBoard', () => {
  it('lists the shapes added, removed and changed, with the properties that changed', () => {
    const ids = idSequence();
    const [kept, moved, removed, added, renamed] = [ids(), ids(), ids(), ids(), ids()];
    const version = new Y.Doc();
    addShapes(
      version,
      [
        sticky(kept, { text: 'Capteurs de fuites' }),
        sticky(moved, { text: 'Télérelève', color: 'jaune' }),
        sticky(removed, { text: 'Débits de nuit' }),
        frame(renamed, { title: 'Idées' }),
      ],
      'seed',
    );
    const now = new Y.Doc();
    Y.applyUpdate(now, Y.encodeStateAsUpdate(version));
    moveShapes(now, [moved], 10, 0, 'edit');
    updateShapes(now, [{ id: moved, changes: { color: 'rose', w: 150 } }], 'edit');
    updateShapes(now, [{ id: renamed, changes: { title: 'Idées retenues' } }], 'edit');
    deleteShapes(now, [removed], 'edit');
    addShapes(now, [sticky(added, { text: 'Sondes d’humidité', z: 'Z' })], 'edit');

    const comparison = compareBoard(version, now);
    expect(comparison.added).toEqual([{ id: added, type: 'sticky', label: 'Sondes d’humidité' }]);
    expect(comparison.removed).toEqual([{ id: removed, type: 'sticky', label: 'Débits de nuit' }]);
    expect(comparison.changed).toEqual([
      { id: moved, type: 'sticky', label: 'Télérelève', previousLabel: null, properties: expect.arrayContaining(['position', 'size', 'color']) },
      { id: renamed, type: 'frame', label: 'Idées retenues', previousLabel: 'Idées', properties: ['title'] },
    ]);
    expect(comparison.changed[0]!.properties).toHaveLength(3);
  });
});
