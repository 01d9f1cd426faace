import { createEffect, createSignal, on } from "solid-js";

/**
 * Loads data for a key without Suspense (a refresh must not blank the screen): the last good value stays
 * while the next one loads; errors are kept for the screen to show.
 */
export function createLoader<K, T>(key: () => K | null, fetch: (k: K) => Promise<T>) {
  const [value, setValue] = createSignal<T | undefined>();
  const [error, setError] = createSignal<unknown>(null);
  const [loading, setLoading] = createSignal(false);
  let seq = 0;
  const run = async (k: K) => {
    const mine = ++seq;
    setLoading(true);
    try {
      const v = await fetch(k);
      if (mine === seq) (setValue(() => v), setError(null));
    } catch (e) {
      if (mine === seq) setError(e);
    } finally {
      if (mine === seq) setLoading(false);
    }
  };
  createEffect(on(key, (k) => k !== null && void run(k)));
  return { value, setValue, error, loading, reload: () => key() !== null && run(key()!) };
}
