/**
 * How much of each shape is worth drawing at a zoom. Below a third, 16 px text is under 6 screen
 * pixels (unreadable) and measuring and filling it costs most of a frame; below a tenth, a
 * 200-unit sticky is 20 pixels wide and only its colour and place can be told apart.
 */
export type Lod = 'full' | 'simple' | 'minimal';

/** From this zoom up, text is drawn. */
export const TEXT_MIN_ZOOM = 0.35;
/** From this zoom up, shapes keep their outline; below, each is one rectangle or straight line. */
export const OUTLINE_MIN_ZOOM = 0.1;

export function levelOfDetail(zoom: number): Lod {
  if (zoom >= TEXT_MIN_ZOOM) return 'full';
  return zoom >= OUTLINE_MIN_ZOOM ? 'simple' : 'minimal';
}
