import { me } from "../../lib/session";
import { toastError } from "../../lib/toast";
import { feedApi, textToHtml, type Comment, type Post } from "./api";
import type { FeedStore } from "./store";

/**
 * What a reader does to a post. Each change shows at once and is rolled back, with a toast, if the
 * server refuses it.
 */
export function feedActions(store: FeedStore) {
  async function like(p: Post) {
    const on = !p.likedByMe;
    store.update(p.id, (x) => ((x.likedByMe = on), (x.likeCount += on ? 1 : -1)));
    try {
      const r = await feedApi.like(p.id, on);
      store.update(p.id, (x) => ((x.likedByMe = r.likedByMe), (x.likeCount = r.likeCount)));
    } catch (e) {
      store.update(p.id, (x) => ((x.likedByMe = !on), (x.likeCount += on ? -1 : 1)));
      toastError(e);
    }
  }

  async function likeComment(postId: string, c: Comment) {
    const on = !c.likedByMe;
    const patch = (fn: (x: Comment) => void) => store.update(postId, (p) => { const x = p.comments.find((y) => y.id === c.id); if (x) fn(x); });
    patch((x) => ((x.likedByMe = on), (x.likeCount += on ? 1 : -1)));
    try {
      const r = await feedApi.likeComment(postId, c.id, on);
      patch((x) => ((x.likedByMe = r.likedByMe), (x.likeCount = r.likeCount)));
    } catch (e) {
      patch((x) => ((x.likedByMe = !on), (x.likeCount += on ? -1 : 1)));
      toastError(e);
    }
  }

  /** Resolves true when the comment is stored; on failure the caller gets its text back. */
  async function comment(postId: string, text: string): Promise<boolean> {
    const u = me()!.user;
    const tempId = `tmp-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const now = new Date().toISOString();
    store.putComment(postId, { id: tempId, postId, author: { id: u.id, name: u.name, hasPhoto: u.hasPhoto }, text: textToHtml(text), likeCount: 0, likedByMe: false, createdAt: now, updatedAt: null });
    try {
      store.putComment(postId, await feedApi.addComment(postId, textToHtml(text)), undefined, tempId);
      return true;
    } catch (e) {
      store.update(postId, (p) => {
        const before = p.comments.length;
        p.comments = p.comments.filter((c) => c.id !== tempId);
        if (p.comments.length < before) p.commentCount -= 1;
      });
      toastError(e);
      return false;
    }
  }

  async function editComment(postId: string, c: Comment, text: string) {
    const before = c.text;
    const set = (html: string, at: string | null) => store.update(postId, (p) => { const x = p.comments.find((y) => y.id === c.id); if (x) (x.text = html), (x.updatedAt = at); });
    set(textToHtml(text), new Date().toISOString());
    try {
      const r = await feedApi.editComment(c.id, textToHtml(text));
      set(r.text, r.updatedAt);
    } catch (e) {
      set(before, c.updatedAt);
      toastError(e);
    }
  }

  async function removeComment(postId: string, c: Comment) {
    await feedApi.removeComment(c.id);
    store.update(postId, (p) => {
      const before = p.comments.length;
      p.comments = p.comments.filter((x) => x.id !== c.id);
      if (p.comments.length < before) p.commentCount -= 1;
    });
  }

  async function vote(p: Post, optionIds: string[]) {
    try {
      const fresh = await feedApi.vote(p.id, optionIds);
      store.update(p.id, (x) => void (x.poll = fresh.poll));
    } catch (e) {
      toastError(e);
    }
  }

  async function edit(p: Post, html: string) {
    const fresh = await feedApi.update(p.id, html);
    store.update(p.id, (x) => Object.assign(x, { text: fresh.text, updatedAt: fresh.updatedAt }));
  }

  async function remove(p: Post) {
    await feedApi.remove(p.id);
    store.remove(p.id);
  }

  return { like, likeComment, comment, editComment, removeComment, vote, edit, remove };
}
export type FeedActions = ReturnType<typeof feedActions>;
