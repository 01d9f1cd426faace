import { Hono } from "hono";
import type { AppEnv } from "../../context";
import { validate } from "../../lib/validate";
import { actorCtx } from "../../lib/http";
import { feedHub } from "../../lib/hubs";
import { commentSchema, commentsQuerySchema, createPostSchema, feedQuerySchema, updatePostSchema, voteSchema } from "./schemas";
import { createPost, deletePost, getPost, listFeed, updatePost } from "./posts";
import { addComment, deleteComment, listComments, setLike, updateComment, vote } from "./interactions";
import { viewerFor } from "./audience";
import { assertWebSocketUpgrade } from "../notifications/live-routes";

export const feedRoutes = new Hono<AppEnv>()
  .get("/", validate("query", feedQuerySchema), async (c) => c.json(await listFeed(actorCtx(c), c.req.valid("query")), 200))
  .get("/live", async (c) => {
    assertWebSocketUpgrade(c);
    const ctx = actorCtx(c);
    const req = new Request(c.req.raw);
    req.headers.set("x-kontor-viewer", JSON.stringify(await viewerFor(ctx)));
    return feedHub(ctx.env, ctx.tenant.id).fetch(req);
  })
  .post("/posts", validate("json", createPostSchema), async (c) => c.json({ post: await createPost(actorCtx(c), c.req.valid("json")) }, 201))
  .get("/posts/:id", async (c) => c.json({ post: await getPost(actorCtx(c), c.req.param("id")) }, 200))
  .patch("/posts/:id", validate("json", updatePostSchema), async (c) => c.json({ post: await updatePost(actorCtx(c), c.req.param("id"), c.req.valid("json")) }, 200))
  .delete("/posts/:id", async (c) => {
    await deletePost(actorCtx(c), c.req.param("id"));
    return c.json({ ok: true }, 200);
  })
  .get("/posts/:id/comments", validate("query", commentsQuerySchema), async (c) => {
    const q = c.req.valid("query");
    return c.json(await listComments(actorCtx(c), c.req.param("id"), q.cursor, q.limit), 200);
  })
  .post("/posts/:id/comments", validate("json", commentSchema), async (c) => c.json({ comment: await addComment(actorCtx(c), c.req.param("id"), c.req.valid("json").text) }, 201))
  .patch("/comments/:id", validate("json", commentSchema), async (c) => c.json({ comment: await updateComment(actorCtx(c), c.req.param("id"), c.req.valid("json").text) }, 200))
  .delete("/comments/:id", async (c) => {
    await deleteComment(actorCtx(c), c.req.param("id"));
    return c.json({ ok: true }, 200);
  })
  .put("/posts/:id/like", async (c) => c.json(await setLike(actorCtx(c), c.req.param("id"), "", true), 200))
  .delete("/posts/:id/like", async (c) => c.json(await setLike(actorCtx(c), c.req.param("id"), "", false), 200))
  .put("/posts/:id/comments/:commentId/like", async (c) => c.json(await setLike(actorCtx(c), c.req.param("id"), c.req.param("commentId"), true), 200))
  .delete("/posts/:id/comments/:commentId/like", async (c) => c.json(await setLike(actorCtx(c), c.req.param("id"), c.req.param("commentId"), false), 200))
  .post("/posts/:id/vote", validate("json", voteSchema), async (c) => c.json({ post: await vote(actorCtx(c), c.req.param("id"), c.req.valid("json").optionIds) }, 200));
