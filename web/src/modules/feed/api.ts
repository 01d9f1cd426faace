import { api, call, type Body } from "../../lib/api";

/** A post as its reader sees it (PostDto of worker/modules/feed/serialize.ts). */
export type Post = Body<Awaited<ReturnType<typeof api.feed.$get>>>["items"][number];
export type Comment = Post["comments"][number];
export type Poll = NonNullable<Post["poll"]>;
export type NewPost = Parameters<typeof api.feed.posts.$post>[0]["json"];
export type Audience = NewPost["audience"];

/** The toolbar's filters as the feed API takes them (dates already turned into ISO instants). */
export interface FeedQuery {
  authorId?: string;
  type?: "post" | "event";
  departmentId?: string;
  from?: string;
  to?: string;
  mentionsMe?: boolean;
}

const post = (id: string) => ({ param: { id } });

export const feedApi = {
  page: (q: FeedQuery, cursor?: string) =>
    call(
      api.feed.$get({
        query: { cursor, limit: "20", authorId: q.authorId, type: q.type, departmentId: q.departmentId, from: q.from, to: q.to, mentionsMe: q.mentionsMe ? "true" : undefined },
      }),
    ),
  get: async (id: string) => (await call(api.feed.posts[":id"].$get(post(id)))).post,
  create: async (json: NewPost) => (await call(api.feed.posts.$post({ json }))).post,
  update: async (id: string, text: string) => (await call(api.feed.posts[":id"].$patch({ ...post(id), json: { text } }))).post,
  remove: (id: string) => call(api.feed.posts[":id"].$delete(post(id))),
  like: (id: string, on: boolean) => call(on ? api.feed.posts[":id"].like.$put(post(id)) : api.feed.posts[":id"].like.$delete(post(id))),
  likeComment: (id: string, commentId: string, on: boolean) => {
    const p = { param: { id, commentId } };
    return call(on ? api.feed.posts[":id"].comments[":commentId"].like.$put(p) : api.feed.posts[":id"].comments[":commentId"].like.$delete(p));
  },
  vote: async (id: string, optionIds: string[]) => (await call(api.feed.posts[":id"].vote.$post({ ...post(id), json: { optionIds } }))).post,
  comments: (id: string) => call(api.feed.posts[":id"].comments.$get({ ...post(id), query: { limit: "100" } })),
  addComment: async (id: string, text: string) => (await call(api.feed.posts[":id"].comments.$post({ ...post(id), json: { text } }))).comment,
  editComment: async (id: string, text: string) => (await call(api.feed.comments[":id"].$patch({ ...post(id), json: { text } }))).comment,
  removeComment: (id: string) => call(api.feed.comments[":id"].$delete(post(id))),
};

/** Plain text typed into a comment box as the small HTML the server keeps. */
export function textToHtml(text: string): string {
  const esc = text.trim().replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return esc
    .split(/\n{2,}/)
    .map((p) => `<p>${p.replace(/\n/g, "<br>")}</p>`)
    .join("");
}

/** The text of stored HTML, for editing a comment in a plain box. */
export function htmlToText(html: string): string {
  const doc = new DOMParser().parseFromString(html.replace(/<br\s*\/?>/gi, "\n").replace(/<\/p>\s*<p>/gi, "\n\n"), "text/html");
  return doc.body.textContent ?? "";
}
