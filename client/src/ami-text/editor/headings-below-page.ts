/**
 * The text is always shown under the page's own title (`h1`), so its headings are drawn one level
 * lower on screen — the document's level 1 (the AMI title) as an `h2`, its sections as `h3` —
 * and screen-reader users find a consistent heading tree. Only the display changes: the document,
 * the HTML it copies to the clipboard and the exports keep the levels as written.
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';

/** The HTML heading element showing a document heading of `level`. */
export function displayedHeadingTag(level: unknown): string {
  const documentLevel = Math.min(5, Math.max(1, Math.trunc(Number(level)) || 1));
  return `h${documentLevel + 1}`;
}

export const HeadingsBelowPage = Extension.create({
  name: 'headingsBelowPage',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('headingsBelowPage'),
        props: {
          nodeViews: {
            // No `update`: ProseMirror redraws the node when its level changes.
            heading: (node) => {
              const dom = document.createElement(displayedHeadingTag(node.attrs.level));
              return { dom, contentDOM: dom };
            },
          },
        },
      }),
    ];
  },
});
