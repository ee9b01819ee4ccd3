/** Evaluation of proposals: the grid, the checks of an evaluation, the ranking, the CSV of the results. */
export * from './grid.ts';
export * from './scoring-check.ts';
export * from './aggregate.ts';
export * from './csv.ts';
