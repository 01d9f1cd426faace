import { createSignal } from "solid-js";
import { createStore, produce, reconcile } from "solid-js/store";
import type { ChatMessage } from "./types";

/** The loaded part of a chat's history, ordered by seq, with an index of client ids. */
export function createMessageStore() {
  const [state, setState] = createStore<{ list: ChatMessage[] }>({ list: [] });
  const [version, setVersion] = createSignal(0);
  const clientIds = new Set<string>();

  /** Adds or replaces messages, keeping seq order; the common case (newer than all) appends. */
  function upsert(messages: ChatMessage[]) {
    if (!messages.length) return;
    setState(
      "list",
      produce((list) => {
        for (const m of messages) {
          clientIds.add(m.clientId);
          const last = list[list.length - 1];
          if (!last || m.seq > last.seq) {
            list.push(m);
            continue;
          }
          let lo = 0;
          let hi = list.length;
          while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (list[mid].seq < m.seq) lo = mid + 1;
            else hi = mid;
          }
          if (list[lo]?.seq === m.seq) list[lo] = m;
          else list.splice(lo, 0, m);
        }
      }),
    );
    setVersion((v) => v + 1);
  }

  function reset(messages: ChatMessage[]) {
    clientIds.clear();
    for (const m of messages) clientIds.add(m.clientId);
    setState("list", reconcile(messages, { key: "seq" }));
    setVersion((v) => v + 1);
  }

  const hasClient = (clientId: string) => (version(), clientIds.has(clientId));
  const find = (seq: number) => state.list.find((m) => m.seq === seq);
  const first = () => state.list[0];
  const last = () => state.list[state.list.length - 1];
  return { state, upsert, reset, hasClient, find, first, last, version };
}

export type MessageStore = ReturnType<typeof createMessageStore>;
