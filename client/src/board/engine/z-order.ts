import type { Shape } from './shape-model.ts';

/**
 * Bottom-to-top order of shapes. Fractional z keys compare by code unit, never by locale (`'a' <
 * 'B'` is false in code units and true in French collation). Two peers may pick the same key at
 * once, so the id breaks ties identically everywhere.
 */
export function compareZ(a: Shape, b: Shape): number {
  if (a.z !== b.z) return a.z < b.z ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}
