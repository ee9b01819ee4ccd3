/**
 * What runs inside the bench page: pans through the board's own camera once per animation frame
 * for `durationMs` and returns the time between frames. Kept as source text because functions
 * passed to `page.evaluate` are serialised, and the TypeScript loader decorates them with helpers
 * the page does not have.
 */
export interface PhaseFrames {
  frames: number[];
}

export function panScript(durationMs: number, dx: number): string {
  return `new Promise((resolve) => {
    const bench = window.__bench;
    const frames = [];
    let start = -1;
    let last = -1;
    const tick = (now) => {
      if (start < 0) start = now;
      else frames.push(now - last);
      last = now;
      if (now - start >= ${durationMs}) return resolve({ frames });
      // Back and forth, so the view stays over the board however long the phase.
      const direction = Math.floor((now - start) / 500) % 2 === 0 ? 1 : -1;
      bench.pan(${dx} * direction, 0);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })`;
}
