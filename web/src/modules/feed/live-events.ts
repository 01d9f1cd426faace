import { createSignal, onCleanup } from "solid-js";
import { openSocket, type LiveStatus } from "../../lib/live";
import { feedApi, type Comment, type FeedQuery, type Post } from "./api";
import type { FeedStore } from "./store";

/** One change as FeedHub fans it out (durable-objects/protocol.ts FeedEvent); posts are reader-neutral. */
type FeedEvent =
  | { kind: "post.created" | "post.updated"; postId: string; post: Post }
  | { kind: "post.deleted"; postId: string }
  | { kind: "comment.created"; postId: string; comment: Comment; commentCount: number }
  | { kind: "comment.updated"; postId: string; comment: Comment }
  | { kind: "comment.deleted"; postId: string; commentId: string; commentCount: number }
  | { kind: "like"; postId: string; commentId?: string; likeCount: number; userId: string; liked: boolean }
  | { kind: "poll.voted"; postId: string; totalVoters: number };

/** Whether a new post belongs in the list under the current filters (the server decides readability). */
function matches(p: Post, q: FeedQuery, me: string): boolean {
  if (q.authorId && p.author.id !== q.authorId) return false;
  if (q.type && p.type !== q.type) return false;
  if (q.departmentId && !p.audience.some((a) => a.kind === "department" && a.id === q.departmentId)) return false;
  if (q.mentionsMe && !p.mentions.some((m) => m.id === me)) return false;
  if (q.to && p.createdAt > q.to) return false;
  return true;
}

function apply(store: FeedStore, e: FeedEvent, q: FeedQuery) {
  const me = store.myId();
  switch (e.kind) {
    case "post.created":
      if (store.find(e.postId) || !matches(e.post, q, me)) return;
      // My own post from another tab: fetch it as I see it (poll results, rights); others wait in the bar.
      if (e.post.author.id === me) void feedApi.get(e.postId).then((p) => store.addOwn(p), () => undefined);
      else store.queue(store.forMe(e.post));
      return;
    case "post.updated":
      store.update(e.postId, (p) => Object.assign(p, { title: e.post.title, text: e.post.text, attachments: e.post.attachments, updatedAt: e.post.updatedAt }));
      return store.flash(e.postId);
    case "post.deleted":
      return store.remove(e.postId);
    case "comment.created":
      if (!store.find(e.postId)) return;
      if (e.comment.author.id !== me) store.flash(e.comment.id);
      return store.putComment(e.postId, e.comment, e.commentCount);
    case "comment.updated":
      store.update(e.postId, (p) => {
        const c = p.comments.find((x) => x.id === e.comment.id);
        if (c) Object.assign(c, { text: e.comment.text, updatedAt: e.comment.updatedAt });
      });
      return store.flash(e.comment.id);
    case "comment.deleted":
      return store.update(e.postId, (p) => {
        p.comments = p.comments.filter((c) => c.id !== e.commentId);
        p.commentCount = e.commentCount;
      });
    case "like":
      store.update(e.postId, (p) => {
        const target = e.commentId ? p.comments.find((c) => c.id === e.commentId) : p;
        if (!target) return;
        target.likeCount = e.likeCount;
        if (e.userId === me) target.likedByMe = e.liked;
      });
      if (e.userId !== me) store.flash(`like:${e.commentId ?? e.postId}`);
      return;
    case "poll.voted": {
      const p = store.find(e.postId);
      // Results are only for those who voted (or asked): refetch the post as this reader sees it.
      if (p?.poll && (p.poll.myVotes.length || p.poll.totalVoters !== null)) {
        void feedApi.get(e.postId).then((fresh) => store.update(e.postId, (x) => void (x.poll = fresh.poll)), () => undefined);
      }
    }
  }
}

/** Keeps the feed page live while it is shown: GET /api/v1/feed/live, batched events, resync on reconnect. */
export function useFeedLive(store: FeedStore, query: () => FeedQuery) {
  const [status, setStatus] = createSignal<LiveStatus>("connecting");
  const conn = openSocket("/api/v1/feed/live", {
    onStatus: setStatus,
    onMessage: (f) => {
      const frame = f as { type: string; events?: FeedEvent[] };
      if (frame.type === "feed.events") for (const e of frame.events ?? []) apply(store, e, query());
    },
    onOpen: (first) => !first && void store.resync(),
  });
  onCleanup(conn.close);
  return status;
}
