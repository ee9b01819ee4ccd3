/**
 * Pasted or dropped links keep only their address. The schema already drops what it does not know
 * (scripts, event attributes, styles, images) and the link rule refuses other protocols, but the
 * Link mark also reads `class`, `target` and `rel` from HTML: pasted, they would let a page's
 * classes style the text or remove `noopener` from links everyone then opens.
 */
import { Extension } from '@tiptap/core';
import { Fragment, Slice, type MarkType, type Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';

function plainLinks(fragment: Fragment, link: MarkType): Fragment {
  const nodes: PmNode[] = [];
  fragment.forEach((node) => {
    if (node.isText) {
      nodes.push(node.mark(node.marks.map((mark) => (mark.type === link ? link.create({ href: mark.attrs.href as string }) : mark))));
    } else {
      nodes.push(node.copy(plainLinks(node.content, link)));
    }
  });
  return Fragment.fromArray(nodes);
}

/** The slice with each link mark rebuilt from its `href` alone (the other attributes at their defaults). */
export function withPlainLinks(slice: Slice, link: MarkType): Slice {
  return new Slice(plainLinks(slice.content, link), slice.openStart, slice.openEnd);
}

export const PastedLinks = Extension.create({
  name: 'pastedLinks',
  addProseMirrorPlugins() {
    const link = this.editor.schema.marks.link;
    if (!link) return [];
    return [new Plugin({ key: new PluginKey('pastedLinks'), props: { transformPasted: (slice) => withPlainLinks(slice, link) } })];
  },
});
