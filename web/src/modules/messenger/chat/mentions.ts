import { createSignal } from "solid-js";

export interface Candidate {
  id: string;
  name: string;
  hasPhoto: boolean;
}

const TRIGGER = /(^|\s)@([\p{L}\p{N}._-]{0,30})$/u;

/** The @mention state of the composer: the query at the caret, the highlighted choice, the people picked. */
export function createMentions(candidates: () => Candidate[]) {
  const [query, setQuery] = createSignal<string | null>(null);
  const [active, setActive] = createSignal(0);
  const picked = new Map<string, string>();
  const matches = () => {
    const q = query();
    if (q === null) return [];
    const needle = q.toLowerCase();
    return candidates()
      .filter((c) => c.name.toLowerCase().split(/\s+/).some((w) => w.startsWith(needle)) || c.name.toLowerCase().startsWith(needle))
      .slice(0, 6);
  };
  return {
    query,
    matches,
    active,
    /** Looks at the text before the caret: "@ann" opens the list. */
    update(text: string, caret: number) {
      const m = TRIGGER.exec(text.slice(0, caret));
      setQuery(m ? m[2] : null);
      setActive(0);
    },
    close: () => setQuery(null),
    move(delta: number) {
      const n = matches().length;
      if (n) setActive((a) => (a + delta + n) % n);
    },
    /** Replaces "@que" before the caret with "@Full Name "; returns the new text and caret. */
    insert(text: string, caret: number, c: Candidate): { text: string; caret: number } {
      const before = text.slice(0, caret).replace(/@[\p{L}\p{N}._-]{0,30}$/u, `@${c.name} `);
      picked.set(c.id, c.name);
      setQuery(null);
      return { text: before + text.slice(caret), caret: before.length };
    },
    /** The people still named in the text when it is sent. */
    idsIn: (text: string) => [...picked].filter(([, name]) => text.includes(`@${name}`)).map(([id]) => id),
    reset: () => picked.clear(),
  };
}

export type Mentions = ReturnType<typeof createMentions>;
