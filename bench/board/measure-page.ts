/**
 * What runs inside the bench page (passed to `page.evaluate`): pans through the board's own
 * camera once per animation frame for `durationMs` and returns the time between frames. Written
 * as a self-contained function since it is serialised into the page.
 */
export interface PhaseFrames {
  frames: number[];
}

export function panForFrames(args: { durationMs: number; dx: number }): Promise<PhaseFrames> {
  const bench = (window as unknown as { __bench: { pan(dx: number, dy: number): void } }).__bench;
  return new Promise((resolve) => {
    const frames: number[] = [];
    let start = -1;
    let last = -1;
    const tick = (now: number) => {
      if (start < 0) {
        start = now;
      } else {
        frames.push(now - last);
      }
      last = now;
      if (now - start >= args.durationMs) return resolve({ frames });
      // Back and forth, so the view stays over the board however long the phase.
      const direction = Math.floor((now - start) / 500) % 2 === 0 ? 1 : -1;
      bench.pan(args.dx * direction, 0);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}
