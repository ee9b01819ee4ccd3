/** Comment threads on texts and boards: anchors, the Yjs layout of comment documents, the server's writes. */
export * from './anchor.ts';
export * from './schema.ts';
export * from './layout.ts';
export * from './write.ts';
export * from './board-pins.ts';
