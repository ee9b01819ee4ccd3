/** Templates of the library (essaimage): what a published board becomes, and how it is used again. */
export * from './extract.ts';
export * from './instantiate.ts';
