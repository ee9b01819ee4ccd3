/**
 * Small statistics helpers shared by the load generator (which summarises its samples before
 * sending them over IPC, so that millions of latencies never cross a process boundary) and the
 * orchestrator (medians over repeats).
 */

/** Growable buffer of float samples; chunked so that 2 M latencies cost 16 MB, not a JS array. */
export class SampleBuffer {
  private data: Float64Array;
  private size = 0;

  constructor(initialCapacity = 4096) {
    this.data = new Float64Array(Math.max(16, initialCapacity));
  }

  push(value: number): void {
    if (this.size === this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.size++] = value;
  }

  get length(): number {
    return this.size;
  }

  /** Sorted copy of the samples (the buffer itself stays in insertion order). */
  sorted(): Float64Array {
    return this.data.slice(0, this.size).sort();
  }
}

export interface Distribution {
  count: number;
  mean: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentile on an ascending array; NaN when empty. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? Number.NaN;
}

export function distribution(samples: SampleBuffer | ArrayLike<number>): Distribution {
  const sorted = samples instanceof SampleBuffer ? samples.sorted() : Float64Array.from(samples).sort();
  let sum = 0;
  for (let i = 0; i < sorted.length; i++) sum += sorted[i] ?? 0;
  return {
    count: sorted.length,
    mean: sorted.length === 0 ? Number.NaN : sum / sorted.length,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length === 0 ? Number.NaN : (sorted[sorted.length - 1] ?? Number.NaN),
  };
}

/**
 * Median of the numbers (+Infinity included: "never delivered" ranks last, it is not missing);
 * null when there is none (a server that failed every repeat).
 */
export function median(values: ReadonlyArray<number | null | undefined>): number | null {
  const finite = values.filter((v): v is number => typeof v === 'number' && !Number.isNaN(v)).sort((a, b) => a - b);
  if (finite.length === 0) return null;
  const mid = Math.floor(finite.length / 2);
  return finite.length % 2 === 1 ? (finite[mid] ?? null) : ((finite[mid - 1] ?? 0) + (finite[mid] ?? 0)) / 2;
}
