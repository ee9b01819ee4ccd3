export * from './close-codes.ts';
export * from './documents.ts';
