/**
 * The shared board schema as the engine sees it: every engine module imports shape types from
 * here, so the engine's dependency on the shared package is visible in one place.
 */
export type { Connector, Endpoint, Frame, Shape, ShapeOf, ShapeType, Sticky } from '@eprouvette/shared';
export { MAX_DRAW_POINTS, SHAPE_TYPES } from '@eprouvette/shared';
