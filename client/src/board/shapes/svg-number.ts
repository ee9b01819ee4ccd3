/** A coordinate rounded to the hundredth, as written in SVG markup and path data: enough for any zoom, and a much smaller file. */
export function num(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}
