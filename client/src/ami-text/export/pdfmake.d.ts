/**
 * The part of pdfmake 0.3 the PDF export uses (the package ships no types). `pdfmake` resolves to
 * its Node build (`js/index.js`) under Node and to its browser build (`build/pdfmake.js`, through
 * the package's `browser` field) in Vite.
 */
declare module 'pdfmake' {
  export interface FontFiles {
    normal: string;
    bold: string;
    italics: string;
    bolditalics: string;
  }
  export interface OutputDocument {
    getBuffer(): Promise<Uint8Array>;
  }
  export interface PdfMake {
    createPdf(documentDefinition: object): OutputDocument;
    setFonts(fonts: Record<string, FontFiles>): void;
    setUrlAccessPolicy(policy: (url: string) => boolean): void;
    /** Node build only: reading local files. */
    setLocalAccessPolicy?(policy: (path: string) => boolean): void;
    /** Browser build only: files (fonts) given as base64. */
    addVirtualFileSystem?(files: Record<string, string>): void;
    virtualfs: { writeFileSync(name: string, content: string, encoding: 'base64'): void };
  }
  const pdfmake: PdfMake;
  export default pdfmake;
}

declare module 'pdfmake/build/vfs_fonts.js' {
  /** Roboto's four faces, base64, by file name. */
  const files: Record<string, string>;
  export default files;
}
