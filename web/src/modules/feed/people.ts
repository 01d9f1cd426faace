import { createEffect, createSignal, on, onCleanup } from "solid-js";
import { api, call } from "../../lib/api";

export type PersonHit = { id: string; name: string; hasPhoto: boolean; position: string };

/**
 * People matching a search term, as a plain signal: unlike a resource it never suspends the page
 * (a suspended page would take the focus out of the editor mid-word). Stale answers are dropped.
 */
export function createPeopleSearch(term: () => string | null, limit = 8) {
  const [hits, setHits] = createSignal<PersonHit[] | undefined>(undefined);
  let seq = 0;
  createEffect(
    on(term, (q) => {
      const mine = ++seq;
      if (q === null) return setHits(undefined);
      let timer: ReturnType<typeof setTimeout> | undefined = setTimeout(async () => {
        timer = undefined;
        try {
          const r = await call(api.people.users.$get({ query: { q: q || undefined, limit: String(limit) } }));
          if (mine === seq) setHits(r.items.map((p) => ({ id: p.id, name: p.name, hasPhoto: p.hasPhoto, position: p.position })));
        } catch {
          if (mine === seq) setHits([]);
        }
      }, 150);
      onCleanup(() => timer && clearTimeout(timer));
    }),
  );
  return hits;
}
