import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addShapes, deleteShapes, moveShapes, readBoard, shapeText, updateShapes } from '../board/layout.ts';
import { idSequence, rect, sticky, twoPeers } from '../board/testing.ts';
import { readTimer, startTimer } from '../board/workshop.ts';
import { restoreBoard, restoreText } from './restore.ts';
import { TEXT_FRAGMENT } from './text-blocks.ts';

/** A version as the server keeps it: the full state, read back into a doc of its own. */
function versionOf(doc: Y.Doc): Y.Doc {
  const version = new Y.Doc();
  Y.applyUpdate(version, Y.encodeStateAsUpdate(doc));
  return version;
}

function text(content: string, attributes?: Record<string, unknown>): Y.XmlText {
  const node = new Y.XmlText();
  node.insert(0, content, attributes);
  return node;
}

function element(name: string, children: (Y.XmlElement | Y.XmlText)[], attributes: Record<string, unknown> = {}): Y.XmlElement {
  const node = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value as string);
  node.insert(0, children);
  return node;
}

const fragment = (doc: Y.Doc) => doc.getXmlFragment(TEXT_FRAGMENT);

/** How many updates restoring a document's own version to it makes (none expected). */
function updatesOfRestoringItself(seed: (doc: Y.Doc) => void, restore: (doc: Y.Doc, version: Y.Doc) => void): number {
  const doc = new Y.Doc();
  seed(doc);
  const version = versionOf(doc);
  let updates = 0;
  doc.on('update', () => updates++);
  restore(doc, version);
  return updates;
}

function seedText(doc: Y.Doc): void {
  const rich = new Y.XmlText();
  rich.applyDelta([
    { insert: 'Capteurs ' },
    { insert: 'acoustiques', attributes: { bold: {} } },
    { insert: ' en LoRaWAN', attributes: { link: { href: 'https://example.fr/lorawan' } } },
  ]);
  fragment(doc).insert(0, [
    element('heading', [text('Contexte')], { level: 2 }),
    element('paragraph', [rich]),
    element('bulletList', [element('listItem', [element('paragraph', [text('Débits de nuit')])])]),
    element('paragraph', [text('Télérelève des compteurs')]),
  ]);
}

describe('restoreText', () => {
  it('brings the version back for every replica, formatting and attributes included', () => {
    const { a, b, sync } = twoPeers();
    seedText(a);
    sync();
    const version = versionOf(a);
    const expected = fragment(version).toString();

    const doc = fragment(a);
    doc.delete(0, 1);
    (doc.get(0) as Y.XmlElement).insert(1, [text(' et télérelève')]);
    doc.insert(doc.length, [element('paragraph', [text('Un paragraphe ajouté après la version')])]);
    sync();
    expect(fragment(b).toString()).not.toBe(expected);

    restoreText(a, version);
    expect(fragment(a).toString()).toBe(expected);
    sync();
    expect(fragment(b).toString()).toBe(expected);

    // The bold run and the link came back as formatting, not as plain text.
    const paragraph = fragment(b).get(1) as Y.XmlElement;
    expect((paragraph.get(0) as Y.XmlText).toDelta()).toEqual([
      { insert: 'Capteurs ' },
      { insert: 'acoustiques', attributes: { bold: {} } },
      { insert: ' en LoRaWAN', attributes: { link: { href: 'https://example.fr/lorawan' } } },
    ]);
    expect((fragment(b).get(0) as Y.XmlElement).getAttribute('level')).toBe(2);
  });

  it('keeps the blocks that did not change, so a concurrent edit in one of them survives', () => {
    const { a, b, sync } = twoPeers();
    seedText(a);
    sync();
    const version = versionOf(a);
    const untouched = fragment(a).get(3);
    (fragment(a).get(0) as Y.XmlElement).insert(1, [text(' modifié')]);
    sync();

    // B types in the last paragraph while A restores: neither has seen the other's change yet.
    ((fragment(b).get(3) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Nouveau : ');
    restoreText(a, version);
    expect(fragment(a).get(3)).toBe(untouched);
    sync();

    const merged = fragment(a).toString();
    expect(fragment(b).toString()).toBe(merged);
    expect(merged).toContain('Nouveau : Télérelève des compteurs');
    expect(merged).not.toContain('modifié');
  });

  it('lets an edit made after the restore merge like any other', () => {
    const { a, b, sync } = twoPeers();
    seedText(a);
    sync();
    const version = versionOf(a);
    fragment(a).delete(1, 2);
    sync();
    restoreText(a, version, 'restore');
    sync();
    ((fragment(b).get(1) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Remis : ');
    sync();
    expect(fragment(a).toString()).toBe(fragment(b).toString());
    expect(fragment(a).toString()).toContain('Remis : Capteurs');
    expect(fragment(a).length).toBe(fragment(version).length);
  });

  it('changes nothing when the text already equals the version', () => {
    expect(updatesOfRestoringItself(seedText, restoreText)).toBe(0);
  });
});

describe('restoreBoard', () => {
  const ids = idSequence();
  const [kept, moved, deleted, edited, added] = [ids(), ids(), ids(), ids(), ids()];

  function seedBoard(doc: Y.Doc): void {
    addShapes(
      doc,
      [
        sticky(kept, { text: 'Capteurs de fuites', z: 'a' }),
        sticky(moved, { text: 'Télérelève', x: 200, z: 'b' }),
        rect(deleted, { text: 'Rendement de réseau', z: 'c' }),
        sticky(edited, { text: 'Sondes d’humidité', color: 'vert', z: 'd' }),
      ],
      'seed',
    );
  }

  it('makes the shapes equal the version for every replica, and leaves the workshop state alone', () => {
    const { a, b, sync } = twoPeers();
    seedBoard(a);
    sync();
    const version = versionOf(a);

    moveShapes(a, [moved], 50, 80, 'a');
    deleteShapes(a, [deleted], 'a');
    updateShapes(a, [{ id: edited, changes: { text: 'Sondes d’humidité du sol', color: 'rose' } }], 'a');
    addShapes(a, [sticky(added, { text: 'Ajouté après la version', z: 'e' })], 'a');
    startTimer(a, 300_000, 'animatrice', 'a', 1_000);
    sync();

    restoreBoard(a, version);
    expect(readBoard(a).shapes).toEqual(readBoard(version).shapes);
    sync();
    expect(readBoard(b).shapes).toEqual(readBoard(version).shapes);
    expect(readTimer(b)?.status).toBe('running');
  });

  it('keeps the untouched shapes and edits a changed text in place, so concurrent typing survives', () => {
    const { a, b, sync } = twoPeers();
    seedBoard(a);
    sync();
    const version = versionOf(a);
    const untouched = shapeText(a, kept);
    updateShapes(a, [{ id: edited, changes: { text: 'Sondes du sol' } }], 'a');
    sync();

    shapeText(b, kept)!.insert(0, 'Urgent : ');
    restoreBoard(a, version);
    expect(shapeText(a, kept)).toBe(untouched);
    sync();
    expect(shapeText(a, kept)!.toString()).toBe('Urgent : Capteurs de fuites');
    expect(shapeText(b, edited)!.toString()).toBe('Sondes d’humidité');

    // An edit after the restore merges normally.
    updateShapes(b, [{ id: edited, changes: { color: 'bleu' } }], 'b');
    sync();
    expect(readBoard(a).shapes.find((shape) => shape.id === edited)).toMatchObject({ color: 'bleu', text: 'Sondes d’humidité' });
  });

  it('changes nothing when the board already equals the version', () => {
    expect(updatesOfRestoringItself(seedBoard, restoreBoard)).toBe(0);
  });
});
