/**
 * The Y.XmlFragment of the AMI text document that Tiptap's Collaboration extension binds to; the
 * server seeds the same name (server/src/documents/ami-text-template.ts, checked by a test).
 */
export const AMI_TEXT_FIELD = 'default';
