/**
 * The shared board schema as the engine sees it. Every engine module imports shape types from here
 * so that the path to the shared package is written once (it becomes `@eprouvette/shared` when the
 * shared index re-exports the board).
 */
export type { Connector, Endpoint, Frame, Shape, ShapeOf, ShapeType, Sticky } from '../../../../shared/src/board/schema.ts';
export { MAX_DRAW_POINTS, SHAPE_TYPES } from '../../../../shared/src/board/schema.ts';
