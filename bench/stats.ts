/** Small timing helpers for the bench; nothing here asserts anything. */

/** Milliseconds elapsed since `start` (from `process.hrtime.bigint()`). */
export function msSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** The `p`-th percentile (0–100) of `values`, nearest-rank. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

/** `✓ met` / `✗ missed` next to a figure and its target. */
export function verdict(met: boolean): string {
  return met ? 'target met' : 'target MISSED';
}

/** Mebibytes with two decimals. */
export function mb(bytes: number): string {
  return (bytes / 1048576).toFixed(2);
}

/** Wall-clock and CPU time of one measured span. */
export interface Span {
  wallMs(): number;
  /** CPU time of this process (user + system): unlike wall time, barely affected by other processes' load. */
  cpuMs(): number;
}

/** Starts measuring a span. */
export function startSpan(): Span {
  const wall = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  return {
    wallMs: () => Number(process.hrtime.bigint() - wall) / 1e6,
    cpuMs: () => {
      const used = process.cpuUsage(cpu);
      return (used.user + used.system) / 1000;
    },
  };
}

/** V8's `gc()` (exposed once via the `--expose-gc` flag and a fresh context), or undefined where it cannot be had. */
const exposedGc: ((options?: { type: 'minor' | 'major' }) => void) | undefined = (() => {
  try {
    require('v8').setFlagsFromString('--expose-gc');
    return require('vm').runInNewContext('gc') as (options?: { type: 'minor' | 'major' }) => void;
  } catch {
    return undefined;
  }
})();

/**
 * Empties V8's young generation with two minor collections (survivors of two are promoted), so that a timed
 * span does not pay for copying objects its setup left there (a 1 MB YAML's parse leaves ~90,000 entries).
 * Minor only: a full collection also discards optimised code whose embedded objects died, and the span
 * would then time recompilation. Returns false when `gc` could not be exposed (nothing was done).
 */
export function collectYoungGarbage(): boolean {
  if (!exposedGc) return false;
  exposedGc({ type: 'minor' });
  exposedGc({ type: 'minor' });
  return true;
}
