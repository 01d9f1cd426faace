import { createRoot } from "solid-js";
import { createStore } from "solid-js/store";
import { api, call } from "../../../lib/api";
import { me } from "../../../lib/session";

export interface Known {
  name: string;
  hasPhoto: boolean;
}

/** Names of the people met in chats (members, authors, callers), filled from member lists and on demand. */
const store = createRoot(() => createStore<Record<string, Known>>({}));
const asked = new Set<string>();

export function rememberPeople(list: { id: string; name: string; hasPhoto: boolean }[]) {
  for (const p of list) if (store[0][p.id]?.name !== p.name || store[0][p.id]?.hasPhoto !== p.hasPhoto) store[1](p.id, { name: p.name, hasPhoto: p.hasPhoto });
}

/** A person's name; unknown ids are looked up once (former members of a chat, say). */
export function person(id: string): Known | undefined {
  const hit = store[0][id];
  if (hit) return hit;
  const m = me();
  if (m && m.user.id === id) return { name: m.user.name, hasPhoto: m.user.hasPhoto };
  if (!asked.has(id)) {
    asked.add(id);
    void call(api.people.users[":id"].$get({ param: { id } }), { quiet: true })
      .then((r) => rememberPeople([r.user]))
      .catch(() => undefined);
  }
  return undefined;
}

export const nameOf = (id: string, fallback = "…") => person(id)?.name ?? fallback;

export async function searchPeople(q: string) {
  const r = await call(api.people.users.$get({ query: { q: q || undefined, limit: "20" } }));
  rememberPeople(r.items);
  return r.items.filter((p) => p.id !== me()?.user.id);
}
