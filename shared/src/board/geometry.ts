/** Points and axis-aligned boxes in world units, as the board engine measures shapes. */
export interface Point {
  x: number;
  y: number;
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export function boxCentre(box: Box): Point {
  return { x: box.x + box.w / 2, y: box.y + box.h / 2 };
}

/** Edges included: a shape centred on a frame's border still counts as inside. */
export function boxContains(box: Box, point: Point): boolean {
  return point.x >= box.x && point.x <= box.x + box.w && point.y >= box.y && point.y <= box.y + box.h;
}

export function boxArea(box: Box): number {
  return box.w * box.h;
}

export function sameBox(a: Box, b: Box): boolean {
  return a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h;
}

/** The smallest box around every point or box given; `null` when there are none. */
export function bounds(items: readonly (Point | Box)[]): Box | null {
  if (items.length === 0) return null;
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const item of items) {
    const w = 'w' in item ? item.w : 0;
    const h = 'h' in item ? item.h : 0;
    left = Math.min(left, item.x);
    top = Math.min(top, item.y);
    right = Math.max(right, item.x + w);
    bottom = Math.max(bottom, item.y + h);
  }
  return { x: left, y: top, w: right - left, h: bottom - top };
}
