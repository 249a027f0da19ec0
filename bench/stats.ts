/**
 * The benchmark's statistics, pure so they can be tested: paired per-repeat
 * ratios, their median with a bootstrap 95% interval, and the geometric mean
 * over cells with an interval from a bootstrap over the repeats within cells.
 *
 * Why paired: repeat i of every contestant runs back to back (round-robin), so
 * the machine's state during repeat i (another job on the shared cores, a
 * JVM compilation) weighs on both sides of ratio i. A ratio of means would mix
 * a slow repeat of one contestant with a fast repeat of the other.
 *
 * Why a bootstrap and not an order-statistic interval: with n repeats the
 * distribution-free interval [x(1), x(n)] for a median covers it with
 * probability 1 - 2 * 0.5^n, which is 93.75% at n = 5, below 95%. The
 * percentile bootstrap gives a 95% interval at any n; with few repeats it
 * cannot reach beyond the observed ratios, so it is, if anything, narrow.
 */

export interface Interval {
  estimate: number;
  low: number;
  high: number;
}

/** Resamples of the bootstrap. Fixed, with the seed, so a report is reproducible. */
export const BOOTSTRAP_RESAMPLES = 10_000;
export const BOOTSTRAP_SEED = 20_260_101;

/** mulberry32: a small seeded generator, uniform on [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The q-quantile (0..1) of sorted values, linear between order statistics. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/**
 * Ratio i is ours[i] ÷ theirs[i]: repeat i of each contestant, which ran in
 * the same round. Repeats missing on either side are left out.
 */
export function pairedRatios(ours: readonly number[], theirs: readonly number[]): number[] {
  const n = Math.min(ours.length, theirs.length);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const o = ours[i]!;
    const t = theirs[i]!;
    if (Number.isFinite(o) && Number.isFinite(t) && t > 0) out.push(o / t);
  }
  return out;
}

function resample(xs: readonly number[], random: () => number): number[] {
  return xs.map(() => xs[Math.floor(random() * xs.length)]!);
}

function percentileInterval(estimate: number, replicates: number[]): Interval {
  replicates.sort((a, b) => a - b);
  return { estimate, low: quantile(replicates, 0.025), high: quantile(replicates, 0.975) };
}

/** The median of the paired ratios with its 95% percentile-bootstrap interval. */
export function medianInterval(
  ratios: readonly number[],
  seed = BOOTSTRAP_SEED,
  resamples = BOOTSTRAP_RESAMPLES,
): Interval {
  if (ratios.length === 0) return { estimate: NaN, low: NaN, high: NaN };
  const random = seededRandom(seed);
  const replicates = Array.from({ length: resamples }, () => median(resample(ratios, random)));
  return percentileInterval(median(ratios), replicates);
}

export function geometricMean(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  return Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / xs.length);
}

/**
 * The geometric mean over cells of each cell's median paired ratio, with a
 * 95% interval: each bootstrap replicate resamples every cell's repeats
 * (cells stay fixed: they are the scenarios we chose, not a sample).
 */
export function geometricMeanInterval(
  cells: readonly (readonly number[])[],
  seed = BOOTSTRAP_SEED,
  resamples = BOOTSTRAP_RESAMPLES,
): Interval {
  const usable = cells.filter((c) => c.length > 0);
  if (usable.length === 0) return { estimate: NaN, low: NaN, high: NaN };
  const random = seededRandom(seed);
  const replicates = Array.from({ length: resamples }, () =>
    geometricMean(usable.map((c) => median(resample(c, random)))),
  );
  return percentileInterval(geometricMean(usable.map((c) => median(c))), replicates);
}

/** Latency percentiles in microseconds from nanosecond samples (nearest rank). */
export function latencyMicros(samplesNs: readonly bigint[]): { p50: number; p99: number } {
  if (samplesNs.length === 0) return { p50: NaN, p99: NaN };
  const us = samplesNs.map((ns) => Number(ns) / 1000).sort((a, b) => a - b);
  const rank = (q: number) => us[Math.min(us.length - 1, Math.ceil(q * us.length) - 1)]!;
  return { p50: rank(0.5), p99: rank(0.99) };
}
