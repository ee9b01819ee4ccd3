import { describe, expect, it } from 'vitest';
import { getSchema } from '@tiptap/core';
import { Slice } from '@tiptap/pm/model';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { AMI_TEXT_FIELD as SERVER_FIELD, AMI_TEXT_SECTIONS, amiTextInitialUpdate } from '../../../../server/src/documents/ami-text-template.ts';
import { AMI_TEXT_FIELD } from '../text-field.ts';
import { textExtensions } from './extensions.ts';
import { displayedHeadingTag } from './headings-below-page.ts';
import { outline } from './outline.ts';
import { withPlainLinks } from './pasted-links.ts';

const schema = getSchema(textExtensions({ doc: new Y.Doc() }));

describe('textExtensions', () => {
  it('binds the fragment the server seeds', () => {
    expect(AMI_TEXT_FIELD).toBe(SERVER_FIELD);
  });

  it('has the blocks and marks of the AMI text, and nothing that could carry an image or a script', () => {
    expect(Object.keys(schema.nodes).sort()).toEqual(
      [
        'blockquote',
        'bulletList',
        'codeBlock',
        'doc',
        'hardBreak',
        'heading',
        'horizontalRule',
        'listItem',
        'orderedList',
        'paragraph',
        'table',
        'tableCell',
        'tableHeader',
        'tableRow',
        'text',
      ].sort(),
    );
    expect(Object.keys(schema.marks).sort()).toEqual(['bold', 'code', 'highlight', 'italic', 'link', 'strike', 'underline']);
    expect(schema.nodes.heading?.spec.attrs?.level).toBeDefined();
  });

  it('holds the template the server writes for a new AMI, sections in order', () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, amiTextInitialUpdate({ title: 'Gestion de l’eau 2026', domainName: 'Gestion de l’eau' }));
    const root = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(AMI_TEXT_FIELD), schema);
    expect(() => root.check()).not.toThrow();
    expect(outline(root.toJSON())).toEqual([
      { level: 1, text: 'Gestion de l’eau 2026', pos: 0 },
      ...AMI_TEXT_SECTIONS.map((section) => ({ level: 2, text: section.title, pos: expect.any(Number) })),
    ]);
  });

  it('draws headings one level below the page title', () => {
    expect([1, 2, 3].map(displayedHeadingTag)).toEqual(['h2', 'h3', 'h4']);
    expect(displayedHeadingTag('2')).toBe('h3');
    expect(displayedHeadingTag(undefined)).toBe('h2');
    expect(displayedHeadingTag(9)).toBe('h6');
  });
});

describe('withPlainLinks', () => {
  it('keeps only the address of pasted links, and the other marks as they are', () => {
    const link = schema.marks.link!;
    const pasted = schema.nodeFromJSON({
      type: 'paragraph',
      content: [
        {
          type: 'text',
          text: 'Région',
          marks: [{ type: 'bold' }, { type: 'link', attrs: { href: 'https://ok.fr', class: 'button danger', target: '_self', rel: 'opener', title: 't' } }],
        },
      ],
    });
    const slice = withPlainLinks(new Slice(pasted.content, 0, 0), link);
    const marks = slice.content.firstChild?.marks.map((mark) => mark.toJSON()) ?? [];
    expect(marks).toEqual([{ type: 'link', attrs: link.create({ href: 'https://ok.fr' }).attrs }, { type: 'bold' }]);
    expect(link.create({ href: 'https://ok.fr' }).attrs).toMatchObject({ class: null, rel: 'noopener noreferrer nofollow', target: '_blank' });
  });
});
