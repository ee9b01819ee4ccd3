import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { AMI_TEXT_FIELD, AMI_TEXT_SECTIONS, amiTextInitialUpdate, amiTextOutline } from './ami-text-template.ts';

const EXPECTED_TITLES = [
  'Contexte',
  'Objectifs',
  'Domaine et défis',
  'Bénéficiaires éligibles',
  'Expérimentations éligibles et non éligibles',
  'Dépenses éligibles et plan de financement',
  'Critères de recevabilité',
  'Critères de sélection',
  'Accompagnement (ateliers tutorés)',
  'Calendrier',
  'Modalités de candidature',
  'Engagements du lauréat (évaluation, partage des résultats, publicité européenne)',
  'Contacts',
];

const INPUT = { title: 'AMI Tube à essai 2026 — Villes connectées', domainName: 'Gestion de l’eau' };

interface PmNode {
  type: string;
  attrs?: Record<string, unknown>;
  text?: string;
  content?: PmNode[];
}

/**
 * The ProseMirror JSON the fragment stands for, read the way y-prosemirror reads it (attributes
 * as stored, one text node per delta run), so the checks hold without y-prosemirror installed.
 */
function toProsemirrorJson(fragment: Y.XmlFragment): PmNode {
  const convert = (node: Y.XmlElement | Y.XmlText | Y.XmlHook): PmNode[] => {
    if (node instanceof Y.XmlText) {
      return (node.toDelta() as { insert: string }[]).map((op) => ({ type: 'text', text: op.insert }));
    }
    if (!(node instanceof Y.XmlElement)) throw new Error('unexpected Y.XmlHook');
    const out: PmNode = { type: node.nodeName };
    const attrs = node.getAttributes();
    if (Object.keys(attrs).length > 0) out.attrs = attrs;
    const children = node.toArray().flatMap(convert);
    if (children.length > 0) out.content = children;
    return [out];
  };
  return { type: 'doc', content: fragment.toArray().flatMap(convert) };
}

function docFrom(...updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc;
}

function jsonOf(...updates: Uint8Array[]): PmNode {
  const doc = docFrom(...updates);
  try {
    return toProsemirrorJson(doc.getXmlFragment(AMI_TEXT_FIELD));
  } finally {
    doc.destroy();
  }
}

function expectedJson(title: string, domainName: string): PmNode {
  const textBlock = (type: string, text: string, attrs?: Record<string, unknown>): PmNode => ({
    type,
    ...(attrs ? { attrs } : {}),
    content: [{ type: 'text', text }],
  });
  return {
    type: 'doc',
    content: [
      textBlock('heading', title, { level: 1 }),
      textBlock('paragraph', `Domaine : ${domainName}`),
      ...AMI_TEXT_SECTIONS.flatMap((s) => [textBlock('heading', s.title, { level: 2 }), textBlock('paragraph', s.prompt)]),
    ],
  };
}

const blockText = (node: PmNode | undefined): string => (node?.content ?? []).map((c) => c.text ?? '').join('');

// Present only once the client's Tiptap dependencies are hoisted to the root node_modules.
const yProsemirror = await (async () => {
  try {
    const specifier = 'y-prosemirror';
    const mod = (await import(/* @vite-ignore */ specifier)) as {
      yXmlFragmentToProsemirrorJSON?: (fragment: Y.XmlFragment) => unknown;
    };
    return mod.yXmlFragmentToProsemirrorJSON ? mod : null;
  } catch {
    return null;
  }
})();

describe('AMI_TEXT_SECTIONS', () => {
  it('lists the 13 template sections in order, each with a one-sentence prompt', () => {
    expect(AMI_TEXT_SECTIONS.map((s) => s.title)).toEqual(EXPECTED_TITLES);
    for (const { prompt } of AMI_TEXT_SECTIONS) {
      expect(prompt).toMatch(/^[A-ZÉ].*\.$/);
      expect(prompt.slice(0, -1)).not.toMatch(/[.!?]\s/);
    }
    expect(Object.isFrozen(AMI_TEXT_SECTIONS)).toBe(true);
  });

  it('is binding-compatible with Tiptap Collaboration’s default field', () => {
    expect(AMI_TEXT_FIELD).toBe('default');
  });
});

describe('amiTextInitialUpdate', () => {
  it('holds the title, the domain, then every section heading once, in order, each followed by its prompt', () => {
    const json = jsonOf(amiTextInitialUpdate(INPUT));
    expect(json).toEqual(expectedJson(INPUT.title, INPUT.domainName));

    const blocks = json.content ?? [];
    const level1 = blocks.filter((b) => b.type === 'heading' && b.attrs?.level === 1);
    expect(level1.map(blockText)).toEqual([INPUT.title]);
    const level2 = blocks.filter((b) => b.type === 'heading' && b.attrs?.level === 2);
    expect(level2.map(blockText)).toEqual(EXPECTED_TITLES);

    AMI_TEXT_SECTIONS.forEach((section, i) => {
      const at = blocks.findIndex((b) => b.type === 'heading' && blockText(b) === section.title);
      expect(at).toBe(2 + 2 * i);
      expect(blocks[at + 1]).toMatchObject({ type: 'paragraph' });
      expect(blockText(blocks[at + 1])).toBe(section.prompt);
    });
  });

  it('stores the heading level as a number, as y-prosemirror does', () => {
    const doc = docFrom(amiTextInitialUpdate(INPUT));
    const headings = doc
      .getXmlFragment(AMI_TEXT_FIELD)
      .toArray()
      .filter((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === 'heading');
    expect(headings).toHaveLength(1 + EXPECTED_TITLES.length);
    for (const heading of headings) {
      expect(typeof heading.getAttribute('level')).toBe('number');
      expect(Object.keys(heading.getAttributes())).toEqual(['level']);
      // One Y.XmlText per text block: what y-prosemirror writes and expects to read back.
      expect(heading.toArray().map((c) => c.constructor)).toEqual([Y.XmlText]);
    }
    doc.destroy();
  });

  it('is idempotent: applying the same update again changes nothing', () => {
    const update = amiTextInitialUpdate(INPUT);
    const once = jsonOf(update);
    expect(jsonOf(update, update)).toEqual(once);

    const doc = docFrom(update);
    const before = Y.encodeStateVector(doc);
    Y.applyUpdate(doc, update);
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(toProsemirrorJson(doc.getXmlFragment(AMI_TEXT_FIELD))).toEqual(once);
    // Round trip through the doc's own encoding, as storage compaction would do.
    expect(jsonOf(Y.encodeStateAsUpdate(doc), update)).toEqual(once);
    doc.destroy();
  });

  it('differs only in the title heading for another title, and only in the domain line for another domain', () => {
    const base = jsonOf(amiTextInitialUpdate(INPUT)).content ?? [];
    const otherTitle = jsonOf(amiTextInitialUpdate({ ...INPUT, title: 'AMI Réalité augmentée' })).content ?? [];
    const otherDomain = jsonOf(amiTextInitialUpdate({ ...INPUT, domainName: 'Mobilités' })).content ?? [];

    const differingIndexes = (a: PmNode[], b: PmNode[]) =>
      a.flatMap((node, i) => (JSON.stringify(node) === JSON.stringify(b[i]) ? [] : [i]));
    expect(otherTitle).toHaveLength(base.length);
    expect(differingIndexes(base, otherTitle)).toEqual([0]);
    expect(blockText(otherTitle[0])).toBe('AMI Réalité augmentée');
    expect(otherDomain).toHaveLength(base.length);
    expect(differingIndexes(base, otherDomain)).toEqual([1]);
    expect(blockText(otherDomain[1])).toBe('Domaine : Mobilités');
  });

  it('collapses whitespace a form may leave in the title, and leaves an empty heading without text', () => {
    const messy = jsonOf(amiTextInitialUpdate({ title: '  AMI\n  capteurs\tIoT ', domainName: 'Eau' }));
    expect(messy.content?.[0]).toEqual({ type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'AMI capteurs IoT' }] });

    // ProseMirror rejects empty text nodes: an empty heading has no content at all.
    const empty = jsonOf(amiTextInitialUpdate({ title: '   ', domainName: 'Eau' }));
    expect(empty.content?.[0]).toEqual({ type: 'heading', attrs: { level: 1 } });
  });

  it.skipIf(!yProsemirror)('reads back through y-prosemirror as the expected ProseMirror JSON', () => {
    const doc = docFrom(amiTextInitialUpdate(INPUT));
    expect(yProsemirror!.yXmlFragmentToProsemirrorJSON!(doc.getXmlFragment(AMI_TEXT_FIELD))).toEqual(
      expectedJson(INPUT.title, INPUT.domainName),
    );
    doc.destroy();
  });
});

describe('amiTextOutline', () => {
  it('lists the title and the section headings', () => {
    expect(amiTextOutline(amiTextInitialUpdate(INPUT))).toEqual([INPUT.title, ...EXPECTED_TITLES]);
  });

  it('ignores marks and follows later edits', () => {
    const doc = docFrom(amiTextInitialUpdate(INPUT));
    const fragment = doc.getXmlFragment(AMI_TEXT_FIELD);
    const title = fragment.get(0) as Y.XmlElement;
    (title.get(0) as Y.XmlText).format(0, 3, { bold: {} });
    fragment.delete(fragment.length - 2, 2); // drop « Contacts » and its prompt
    expect(amiTextOutline(Y.encodeStateAsUpdate(doc))).toEqual([INPUT.title, ...EXPECTED_TITLES.slice(0, -1)]);
    doc.destroy();
  });

  it('gives an empty outline for an empty document', () => {
    expect(amiTextOutline(Y.encodeStateAsUpdate(new Y.Doc()))).toEqual([]);
  });
});
