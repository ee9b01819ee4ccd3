/** Versions of documents: reading a text as blocks, comparing a version with now, restoring one. */
export * from './text-blocks.ts';
export * from './compare.ts';
export * from './restore.ts';
