import { batch, createSignal } from "solid-js";
import { createStore, produce, reconcile } from "solid-js/store";
import { me } from "../../lib/session";
import { feedApi, type Comment, type FeedQuery, type Post } from "./api";

const LATEST = 3;
const FLASH_MS = 1600;

/**
 * The feed as this page holds it: loaded pages, the "N new" posts waiting above them, which posts show
 * all their comments, and what flashes because someone else just changed it.
 */
export function createFeedStore(query: () => FeedQuery) {
  const [s, set] = createStore({ posts: [] as Post[], pending: [] as Post[], next: null as string | null, expanded: {} as Record<string, boolean> });
  const [loading, setLoading] = createSignal(false);
  const [loaded, setLoaded] = createSignal(false);
  const [error, setError] = createSignal<unknown>(null);
  const [flashes, setFlashes] = createSignal<ReadonlySet<string>>(new Set());
  let generation = 0;

  const myId = () => me()?.user.id ?? "";
  const isAdmin = () => me()?.user.role === "admin";

  /** A post that came over the socket carries nothing reader-specific: fill in what this reader may do. */
  const forMe = (p: Post): Post => ({ ...p, canEdit: p.type === "post" && (p.author.id === myId() || isAdmin()) });

  function flash(id: string) {
    setFlashes((f) => new Set(f).add(id));
    setTimeout(() => {
      setFlashes((f) => {
        const next = new Set(f);
        next.delete(id);
        return next;
      });
    }, FLASH_MS);
  }

  async function loadMore() {
    if (loading() || (loaded() && !s.next)) return;
    const gen = generation;
    setLoading(true);
    setError(null);
    try {
      const page = await feedApi.page(query(), s.next ?? undefined);
      if (gen !== generation) return;
      const have = new Set(s.posts.map((p) => p.id));
      batch(() => {
        set("posts", (l) => [...l, ...page.items.filter((p) => !have.has(p.id))]);
        set("next", page.nextCursor);
        setLoaded(true);
      });
    } catch (e) {
      if (gen === generation) setError(e);
    } finally {
      if (gen === generation) setLoading(false);
    }
  }

  /** One post alone (a link from a notification): the list holds just that post. */
  async function loadOne(id: string) {
    const gen = ++generation;
    batch(() => {
      set({ posts: [], pending: [], next: null, expanded: {} });
      setLoaded(false);
      setLoading(true);
      setError(null);
    });
    try {
      const p = await feedApi.get(id);
      if (gen === generation) set("posts", [p]);
    } catch (e) {
      if (gen === generation) setError(e);
    } finally {
      if (gen === generation) batch(() => (setLoading(false), setLoaded(true)));
    }
  }

  /** Starts over (filters changed). */
  function reset() {
    generation++;
    batch(() => {
      set({ posts: [], pending: [], next: null, expanded: {} });
      setLoaded(false);
      setLoading(false);
      setError(null);
    });
    return loadMore();
  }

  /** After a reconnect: the first page again; unknown newer posts go to the bar, known ones are refreshed. */
  async function resync() {
    if (!loaded()) return loadMore();
    try {
      const page = await feedApi.page(query());
      const top = s.posts[0]?.createdAt ?? "";
      for (const p of page.items) {
        if (s.posts.some((x) => x.id === p.id)) replace(p.id, () => p);
        else if (p.createdAt > top && !s.pending.some((x) => x.id === p.id)) set("pending", (l) => [p, ...l]);
      }
    } catch {
      /* the next reconnect tries again */
    }
  }

  /** Changes one post wherever it is (list or waiting bar). */
  function update(id: string, fn: (p: Post) => void) {
    for (const list of ["posts", "pending"] as const) {
      const i = s[list].findIndex((p) => p.id === id);
      if (i >= 0) set(list, i, produce(fn));
    }
  }
  const replace = (id: string, fn: (p: Post) => Post) => {
    for (const list of ["posts", "pending"] as const) {
      const i = s[list].findIndex((p) => p.id === id);
      if (i >= 0) set(list, i, reconcile(fn(s[list][i])));
    }
  };
  const find = (id: string) => s.posts.find((p) => p.id === id) ?? s.pending.find((p) => p.id === id);

  /** My own post: at the top at once (and not again when the socket echoes it). */
  function addOwn(p: Post) {
    if (find(p.id)) return;
    set("posts", (l) => [p, ...l]);
  }

  function remove(id: string) {
    set("posts", (l) => l.filter((p) => p.id !== id));
    set("pending", (l) => l.filter((p) => p.id !== id));
  }

  /** The "N new posts" bar was clicked: the waiting posts join the list. */
  function showPending() {
    batch(() => {
      set("posts", (l) => [...s.pending.filter((p) => !l.some((x) => x.id === p.id)), ...l]);
      set("pending", []);
    });
  }

  /** Adds a comment (own or live), keeping the latest three unless all are shown; replaces an optimistic twin. */
  function putComment(postId: string, c: Comment, count?: number, tempId?: string) {
    update(postId, (p) => {
      // My comment echoed by the socket before the POST answered replaces its optimistic twin ("tmp-…").
      const mine = c.author.id === myId() && !tempId;
      const twin = p.comments.findIndex((x) => x.id === c.id || x.id === tempId || (mine && x.id.startsWith("tmp-")));
      if (twin >= 0) p.comments[twin] = c;
      else {
        p.comments.push(c);
        if (!s.expanded[postId] && p.comments.length > LATEST) p.comments.splice(0, p.comments.length - LATEST);
      }
      if (count !== undefined) p.commentCount = count;
      else if (twin < 0) p.commentCount += 1;
    });
  }

  async function expand(postId: string) {
    const r = await feedApi.comments(postId);
    batch(() => {
      set("expanded", postId, true);
      update(postId, (p) => {
        p.comments = r.items;
        p.commentCount = Math.max(p.commentCount, r.items.length);
      });
    });
  }

  return {
    state: s,
    loading,
    loaded,
    error,
    flashes,
    myId,
    forMe,
    flash,
    find,
    loadMore,
    loadOne,
    reset,
    resync,
    update,
    replace,
    addOwn,
    remove,
    showPending,
    putComment,
    expand,
    // Nothing on screen to push away: the first post shows at once; otherwise it waits in the bar.
    queue: (p: Post) => !find(p.id) && (loaded() && !s.posts.length ? set("posts", [p]) : set("pending", (l) => [p, ...l])),
  };
}
export type FeedStore = ReturnType<typeof createFeedStore>;
