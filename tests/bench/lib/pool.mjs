// Small concurrency helpers for the load suites. Every loop here is bounded by its input.

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Runs fn over items with at most `limit` in flight; resolves the results in input order (rejects on the first error). */
export async function mapLimit(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  let failed = null;
  const worker = async () => {
    while (next < items.length && !failed) {
      const i = next++;
      try {
        out[i] = await fn(items[i], i);
      } catch (e) {
        failed ??= e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failed) throw failed;
  return out;
}

/**
 * Open-loop schedule: calls fire(i) for i = 0 … count-1 at t0 + i / rate seconds, without waiting for
 * earlier calls to finish (at most maxInFlight unresolved; a due call over that limit is skipped and
 * counted), and stops at count or after maxMs. Resolves {fired, skipped, lateMs (how far behind
 * schedule the last call fired), elapsedMs} once every fired call has settled.
 */
export async function openLoop({ rate, count, maxMs = Infinity, maxInFlight = 500, tickMs = 2, fire }) {
  const t0 = performance.now();
  const pending = new Set();
  let i = 0;
  let skipped = 0;
  let lateMs = 0;
  while (i < count && performance.now() - t0 < maxMs) {
    const now = performance.now();
    const due = Math.min(count, Math.floor(((now - t0) * rate) / 1000) + 1);
    while (i < due) {
      lateMs = Math.max(lateMs, now - (t0 + (i * 1000) / rate));
      if (pending.size >= maxInFlight) {
        skipped++;
        i++;
        continue;
      }
      const k = i;
      const p = Promise.resolve()
        .then(() => fire(k))
        .catch(() => {})
        .finally(() => pending.delete(p));
      pending.add(p);
      i++;
    }
    await sleep(tickMs);
  }
  const elapsedMs = performance.now() - t0;
  await Promise.all([...pending]);
  return { fired: i - skipped, skipped, lateMs: Math.round(lateMs), elapsedMs: Math.round(elapsedMs) };
}

/** Resolves when check() is true (polled every intervalMs) or after timeoutMs; returns whether it became true. */
export async function until(check, { timeoutMs, intervalMs = 25 }) {
  const t0 = performance.now();
  while (performance.now() - t0 < timeoutMs) {
    if (check()) return true;
    await sleep(intervalMs);
  }
  return check();
}
