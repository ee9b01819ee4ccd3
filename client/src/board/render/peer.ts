import type { Point } from '../engine/geometry/math.ts';
import type { Preview } from '../engine/preview.ts';

/** Another participant as the board shows them, read from their (validated) awareness state. */
export interface RemotePeer {
  readonly clientId: number;
  readonly name: string;
  /** `#rrggbb`, with white text readable on it. */
  readonly color: string;
  /** Where their pointer is, in world units; null when it is off their board. */
  readonly cursor: Point | null;
  readonly selection: readonly string[];
  /** Their gesture under way (a drag, a resize, a shape being drawn), shown live. */
  readonly preview: Preview | null;
}
