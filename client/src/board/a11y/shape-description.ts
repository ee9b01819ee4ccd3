import type { Translate } from '../../i18n/index.ts';
import type { ShapeLookup } from '../engine/geometry/shape-geometry.ts';
import type { Connector, Endpoint, Shape } from '../engine/shape-model.ts';

/**
 * What a screen reader says of a shape, in the list view and in announcements. Pure: the words come
 * from the dictionary through `t`, the names of authors from the caller.
 */

export type NameLookup = (userId: string) => string | undefined;

/** A note may hold pages of text: the list view reads this much of it, an announcement less. */
const LISTED_TEXT_LENGTH = 500;
const MENTIONED_TEXT_LENGTH = 80;

/** The words of a shape on one line: its text, a frame's title, an image's alternative text. */
export function shapeText(shape: Shape): string {
  const raw = 'text' in shape ? shape.text : shape.type === 'frame' ? shape.title : shape.type === 'image' ? shape.alt : '';
  return raw.replace(/\s+/g, ' ').trim();
}

function truncated(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length).trimEnd()}…`;
}

function quoted(text: string, length: number, t: Translate): string {
  return t('a11y.quoted', { text: truncated(text, length) });
}

/** « un post-it », « une ellipse »: French needs the article with the noun's gender. */
function withArticle(shape: Shape, t: Translate): string {
  return t(`a11y.typeA.${shape.type}`);
}

function endName(endpoint: Endpoint, lookup: ShapeLookup, t: Translate, side: 'from' | 'to'): string {
  const target = endpoint.kind === 'shape' ? lookup(endpoint.shapeId) : undefined;
  if (target === undefined) return t(`a11y.${side}.free`);
  const text = shapeText(target);
  return text === '' ? t(`a11y.${side}.untitled`, { typeA: withArticle(target, t) }) : t(`a11y.${side}.text`, { text: truncated(text, MENTIONED_TEXT_LENGTH) });
}

/** « Flèche de « A » vers « B » », read the way the arrowhead points. */
function connectorPhrase(connector: Connector, type: string, lookup: ShapeLookup, t: Translate): string {
  const reversed = connector.arrowStart && !connector.arrowEnd;
  const [from, to] = reversed ? [connector.end, connector.start] : [connector.start, connector.end];
  return t('a11y.connector', { type, from: endName(from, lookup, t, 'from'), to: endName(to, lookup, t, 'to') });
}

/** What stands for missing words: nothing for a drawing or an arrow, which rarely have any. */
function missingText(shape: Shape, t: Translate): string | null {
  switch (shape.type) {
    case 'draw':
    case 'connector':
      return null;
    case 'frame':
      return t('a11y.noTitle');
    case 'image':
      return t('a11y.noAlt');
    default:
      return t('a11y.noText');
  }
}

/**
 * A list entry: « Post-it jaune, « Capteurs de fuite », verrouillé, ajouté par Nadia Benali ».
 * Arrows are named after the shapes they join.
 */
export function describeShape(shape: Shape, lookup: ShapeLookup, t: Translate, names?: NameLookup): string {
  const label = t(`a11y.type.${shape.type}`);
  const text = shapeText(shape);
  const parts = [
    shape.type === 'connector' ? connectorPhrase(shape, label, lookup, t) : shape.type === 'sticky' ? `${label} ${t(`a11y.color.${shape.color}`)}` : label,
    text === '' ? missingText(shape, t) : quoted(text, LISTED_TEXT_LENGTH, t),
    shape.locked ? t('a11y.locked') : null,
  ];
  const author = names?.(shape.author);
  if (author !== undefined) parts.push(t('a11y.addedBy', { name: author }));
  return parts.filter((part) => part !== null).join(', ');
}

/** A shape inside a sentence: « un post-it « Capteurs de fuite » », « une flèche de « A » vers « B » ». */
export function shapePhrase(shape: Shape, lookup: ShapeLookup, t: Translate): string {
  const noun = withArticle(shape, t);
  const text = shapeText(shape);
  const named = shape.type === 'connector' ? connectorPhrase(shape, noun, lookup, t) : noun;
  return text === '' ? named : `${named} ${quoted(text, MENTIONED_TEXT_LENGTH, t)}`;
}
