import {
  geometricMean,
  geometricMeanInterval,
  latencyMicros,
  median,
  medianInterval,
  pairedRatios,
  seededRandom,
} from '../../bench/stats';

describe('benchmark statistics', () => {
  it('pairs repeat i of ours with repeat i of theirs, not the means', () => {
    // A slow round (the shared machine busy) weighs on both sides of its ratio.
    expect(pairedRatios([200, 100, 300], [100, 50, 200])).toEqual([2, 2, 1.5]);
  });

  it('leaves out repeats missing on either side and zero denominators', () => {
    expect(pairedRatios([10, 20, 30], [5, 0])).toEqual([2]);
  });

  it('takes the median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('gives the same bootstrap interval on every call (fixed seed)', () => {
    const ratios = [1.2, 1.5, 1.4, 1.1, 1.6];
    expect(medianInterval(ratios)).toEqual(medianInterval(ratios));
  });

  it('puts the median inside its interval, within the observed ratios', () => {
    const ratios = [1.2, 1.5, 1.4, 1.1, 1.6];
    const i = medianInterval(ratios);
    expect(i.estimate).toBe(1.4);
    expect(i.low).toBeGreaterThanOrEqual(1.1);
    expect(i.low).toBeLessThan(1.4);
    expect(i.high).toBeGreaterThan(1.4);
    expect(i.high).toBeLessThanOrEqual(1.6);
  });

  it('gives a point interval when every repeat agrees, and a wider one when they spread', () => {
    expect(medianInterval([1.3, 1.3, 1.3, 1.3, 1.3])).toEqual({
      estimate: 1.3,
      low: 1.3,
      high: 1.3,
    });
    const tight = medianInterval([1.28, 1.3, 1.32, 1.29, 1.31]);
    const loose = medianInterval([0.9, 1.3, 1.9, 1.0, 1.7]);
    expect(loose.high - loose.low).toBeGreaterThan(tight.high - tight.low);
  });

  it('takes the geometric mean over cells of their median ratios', () => {
    expect(geometricMean([1, 4])).toBeCloseTo(2, 12);
    const i = geometricMeanInterval([
      [1, 1, 1],
      [4, 4, 4],
    ]);
    expect(i.estimate).toBeCloseTo(2, 12);
    expect(i.low).toBeCloseTo(2, 12);
    expect(i.high).toBeCloseTo(2, 12);
  });

  it('resamples repeats within each cell for the geometric mean interval', () => {
    const cells = [
      [1.0, 1.2, 1.4],
      [2.0, 2.0, 2.0],
    ];
    const i = geometricMeanInterval(cells);
    expect(i.estimate).toBeCloseTo(Math.sqrt(1.2 * 2), 12);
    // Only the first cell varies: the interval spans its resampled medians.
    expect(i.low).toBeGreaterThanOrEqual(Math.sqrt(1.0 * 2) - 1e-12);
    expect(i.high).toBeLessThanOrEqual(Math.sqrt(1.4 * 2) + 1e-12);
    expect(i.high).toBeGreaterThan(i.low);
  });

  it('draws the same sequence from the same seed, uniform in [0, 1)', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.reduce((s, x) => s + x, 0) / xs.length).toBeCloseTo(0.5, 1);
  });

  it('reports latency percentiles in microseconds, not whole milliseconds', () => {
    const ns = [1_234_567n, 1_500_000n, 987_654n, 2_000_001n];
    const { p50, p99 } = latencyMicros(ns);
    expect(p50).toBeCloseTo(1234.567, 6);
    expect(p99).toBeCloseTo(2000.001, 6);
  });
});
