/**
 * Reading an exported file's text back, for tests (unit and browser): the paragraphs of a DOCX
 * (unzipped with fflate) and the text of each page of a PDF (with pdf.js, its Node build).
 */
import { strFromU8, unzipSync } from 'fflate';

export interface DocxParagraph {
  /** The paragraph style's id (`Heading2`, `Title`…), or null for a plain paragraph. */
  readonly style: string | null;
  readonly text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name] ?? whole;
  });
}

/** The XML of one part of the package: `word/document.xml`, `word/footer1.xml`… */
export function docxPart(bytes: Uint8Array, part: string): string {
  const file = unzipSync(bytes)[part];
  if (!file) throw new Error(`${part} absent du fichier DOCX`);
  return strFromU8(file);
}

/** The names of the package's parts. */
export function docxPartNames(bytes: Uint8Array): string[] {
  return Object.keys(unzipSync(bytes));
}

/** Every paragraph of a part, in order (those of tables included), with its style and the text of its `w:t`. */
export function docxParagraphs(bytes: Uint8Array, part = 'word/document.xml'): DocxParagraph[] {
  const xml = docxPart(bytes, part);
  return [...xml.matchAll(/<w:p[\s>][\s\S]*?<\/w:p>/g)].map(([paragraph]) => ({
    style: /<w:pStyle w:val="([^"]*)"/.exec(paragraph)?.[1] ?? null,
    text: [...paragraph.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((match) => unescapeXml(match[1] ?? '')).join(''),
  }));
}

/** The text of each page of a PDF, its pieces joined by spaces or line breaks as pdf.js reports them. */
export async function pdfPageTexts(bytes: Uint8Array): Promise<string[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js takes the buffer over: give it a copy so the caller's bytes stay readable.
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  try {
    const pages: string[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      pages.push(
        content.items
          .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
          .join('')
          .replace(/[ \t]+\n/g, '\n'),
      );
    }
    return pages;
  } finally {
    await pdf.destroy();
  }
}
