/**
 * The table of contents of the text: its headings in document order, each with the position
 * where it starts (what `setTextSelection` and `nodeDOM` take). Read from the document's JSON, so
 * positions are counted the ProseMirror way: a text counts its UTF-16 length, a leaf node 1, any
 * other node its content plus 2 for its opening and closing.
 */

export interface JsonNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: JsonNode[];
  text?: string;
}

export interface OutlineEntry {
  level: number;
  text: string;
  /** Position just before the heading node. */
  pos: number;
}

/**
 * The leaf nodes of the text's schema (StarterKit's): JSON writes them like an empty paragraph,
 * without content, but they count 1 rather than 2.
 */
const LEAF_TYPES = new Set(['hardBreak', 'horizontalRule']);

function size(node: JsonNode): number {
  if (node.type === 'text') return node.text?.length ?? 0;
  if (LEAF_TYPES.has(node.type)) return 1;
  return 2 + (node.content ?? []).reduce((total, child) => total + size(child), 0);
}

function textOf(node: JsonNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return ' ';
  return (node.content ?? []).map(textOf).join('');
}

/** `doc` is the whole document (`editor.getJSON()`); headings nested in lists or tables count too. */
export function outline(doc: JsonNode): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  const walk = (nodes: readonly JsonNode[], start: number) => {
    let pos = start;
    for (const node of nodes) {
      if (node.type === 'heading') {
        entries.push({ level: Number(node.attrs?.level ?? 1), text: textOf(node).replace(/\s+/g, ' ').trim(), pos });
      } else if (node.content) {
        walk(node.content, pos + 1);
      }
      pos += size(node);
    }
  };
  walk(doc.content ?? [], 0);
  return entries;
}
