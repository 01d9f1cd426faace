// Latency statistics over an array of milliseconds.

/** Nearest-rank percentile of a sorted array. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

const round = (x, d = 2) => (x === null || x === undefined || Number.isNaN(x) ? null : Math.round(x * 10 ** d) / 10 ** d);

/** {count, min, mean, p50, p90, p99, max} in ms, rounded to 0.01 ms. */
export function summarize(values) {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  if (n === 0) return { count: 0, min: null, mean: null, p50: null, p90: null, p99: null, max: null };
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    count: n,
    min: round(sorted[0]),
    mean: round(sum / n),
    p50: round(percentile(sorted, 50)),
    p90: round(percentile(sorted, 90)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted[n - 1]),
  };
}

/** A goal line for the report: pass = actual meets the target (lower is better unless higherIsBetter). */
export function goal(description, actual, target, { unit = "", higherIsBetter = false } = {}) {
  const pass = actual !== null && actual !== undefined && (higherIsBetter ? actual >= target : actual <= target);
  return { description, actual, target, unit, pass, ...(higherIsBetter ? { higherIsBetter } : {}) };
}

export { round };
