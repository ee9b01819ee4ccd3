/**
 * Writing SVG markup as text. Every piece of shape text and every attribute value goes through
 * `escapeXml`: board text comes from any participant, and must never become markup in the file.
 */
import { num } from '../shapes/svg-number.ts';

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * Characters XML 1.0 forbids even escaped (most C0 controls, lone surrogates, U+FFFE/U+FFFF): one
 * of them in a sticky would make the whole file unreadable, so they are dropped.
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/gu;

export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (char) => ENTITIES[char] as string);
}

export type AttributeValue = string | number | null | undefined;

/** ` name="value"` for each value given; `null` and `undefined` leave the attribute out. */
function attributes(values: Readonly<Record<string, AttributeValue>>): string {
  let written = '';
  for (const [name, value] of Object.entries(values)) {
    if (value === null || value === undefined) continue;
    written += ` ${name}="${typeof value === 'number' ? num(value) : escapeXml(value)}"`;
  }
  return written;
}

/** An element; `content` is markup already escaped (or built by `element`), absent for an empty element. */
export function element(name: string, values: Readonly<Record<string, AttributeValue>>, content?: string): string {
  return content === undefined ? `<${name}${attributes(values)}/>` : `<${name}${attributes(values)}>${content}</${name}>`;
}
