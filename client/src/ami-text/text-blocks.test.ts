import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { AMI_TEXT_SECTIONS, AMI_TEXT_FIELD as SERVER_FIELD, amiTextInitialUpdate } from '../../../server/src/documents/ami-text-template.ts';
import { AMI_TEXT_FIELD, textBlocks } from './text-blocks.ts';

describe('textBlocks', () => {
  it('reads the document the server seeds from the AMI template', () => {
    expect(AMI_TEXT_FIELD).toBe(SERVER_FIELD);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, amiTextInitialUpdate({ title: 'Gestion de l’eau 2026', domainName: "Gestion de l'eau" }));
    const blocks = textBlocks(doc.getXmlFragment(AMI_TEXT_FIELD));
    expect(blocks.slice(0, 4)).toEqual([
      { kind: 'heading', level: 1, text: 'Gestion de l’eau 2026' },
      { kind: 'paragraph', text: "Domaine : Gestion de l'eau" },
      { kind: 'heading', level: 2, text: 'Contexte' },
      { kind: 'paragraph', text: AMI_TEXT_SECTIONS[0]?.prompt },
    ]);
    expect(blocks.filter((block) => block.kind === 'heading' && block.level === 2).map((block) => block.text)).toEqual(
      AMI_TEXT_SECTIONS.map((section) => section.title),
    );
  });

  it('joins marked text runs and nested nodes, and skips empty paragraphs', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment(AMI_TEXT_FIELD);
    const paragraph = new Y.XmlElement('paragraph');
    const bold = new Y.XmlText();
    const list = new Y.XmlElement('bulletList');
    const item = new Y.XmlElement('listItem');
    const itemText = new Y.XmlText();
    const heading = new Y.XmlElement('heading');
    const headingText = new Y.XmlText();
    fragment.insert(0, [paragraph, new Y.XmlElement('paragraph'), list, heading]);
    paragraph.insert(0, [bold]);
    bold.insert(0, 'Capteurs ');
    bold.insert(9, 'LoRaWAN', { bold: true });
    list.insert(0, [item]);
    item.insert(0, [itemText]);
    itemText.insert(0, 'fuites');
    heading.setAttribute('level', '3');
    heading.insert(0, [headingText]);
    headingText.insert(0, 'Annexe');
    expect(textBlocks(fragment)).toEqual([
      { kind: 'paragraph', text: 'Capteurs LoRaWAN' },
      { kind: 'paragraph', text: 'fuites' },
      { kind: 'heading', level: 2, text: 'Annexe' },
    ]);
  });
});
