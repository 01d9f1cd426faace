import { Hono } from "hono";
import type { AppEnv } from "../../context";
import { validate } from "../../lib/validate";
import { actorCtx } from "../../lib/http";
import { badRequest } from "../../lib/errors";
import { chatRoom } from "../../lib/rooms";
import { assertWebSocketUpgrade } from "../notifications/live-routes";
import { createChatSchema, editMessageSchema, historyQuery, listChatsQuery, membersSchema, reactSchema, readSchema, searchQuery, sendMessageSchema, updateChatSchema } from "./schemas";
import { addMembers, createChat, getChat, joinChat, listChats, removeMember, updateChat } from "./chats";
import { deleteMessage, editMessage, history, markRead, pin, react, searchAll, searchChat, sendMessage } from "./messages";
import { memberAccess } from "./access";

const seqParam = (raw: string) => {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw badRequest("A message number is a positive integer.", "validation", "seq");
  return n;
};

export const chatRoutes = new Hono<AppEnv>()
  .get("/", validate("query", listChatsQuery), async (c) => c.json(await listChats(actorCtx(c), c.req.valid("query")), 200))
  .post("/", validate("json", createChatSchema), async (c) => {
    const ctx = actorCtx(c);
    const { chatId, created } = await createChat(ctx, c.req.valid("json"));
    return c.json(await getChat(ctx, chatId), created ? 201 : 200);
  })
  .get("/search", validate("query", searchQuery), async (c) => {
    const q = c.req.valid("query");
    return c.json(await searchAll(actorCtx(c), q.q, q.limit), 200);
  })
  .get("/ice-servers", (c) => {
    let servers: unknown = [];
    try {
      servers = JSON.parse(c.env.ICE_SERVERS ?? "[]");
    } catch {
      servers = [];
    }
    return c.json({ iceServers: Array.isArray(servers) ? servers : [] }, 200);
  })
  .get("/:id", async (c) => c.json(await getChat(actorCtx(c), c.req.param("id")), 200))
  .patch("/:id", validate("json", updateChatSchema), async (c) => c.json(await updateChat(actorCtx(c), c.req.param("id"), c.req.valid("json")), 200))
  .post("/:id/members", validate("json", membersSchema), async (c) => c.json(await addMembers(actorCtx(c), c.req.param("id"), c.req.valid("json").userIds), 200))
  .delete("/:id/members/:userId", async (c) => {
    await removeMember(actorCtx(c), c.req.param("id"), c.req.param("userId"));
    return c.json({ ok: true }, 200);
  })
  .post("/:id/join", async (c) => c.json(await joinChat(actorCtx(c), c.req.param("id")), 200))
  .get("/:id/messages", validate("query", historyQuery), async (c) => c.json(await history(actorCtx(c), c.req.param("id"), c.req.valid("query")), 200))
  .post("/:id/messages", validate("json", sendMessageSchema), async (c) => {
    const { message, duplicate } = await sendMessage(actorCtx(c), c.req.param("id"), c.req.valid("json"));
    return c.json({ message, duplicate }, duplicate ? 200 : 201);
  })
  .patch("/:id/messages/:seq", validate("json", editMessageSchema), async (c) =>
    c.json({ message: await editMessage(actorCtx(c), c.req.param("id"), seqParam(c.req.param("seq")), c.req.valid("json").text) }, 200),
  )
  .delete("/:id/messages/:seq", async (c) => c.json({ message: await deleteMessage(actorCtx(c), c.req.param("id"), seqParam(c.req.param("seq"))) }, 200))
  .put("/:id/messages/:seq/reactions", validate("json", reactSchema), async (c) =>
    c.json({ message: await react(actorCtx(c), c.req.param("id"), seqParam(c.req.param("seq")), c.req.valid("json").emoji, true) }, 200),
  )
  .delete("/:id/messages/:seq/reactions", validate("json", reactSchema), async (c) =>
    c.json({ message: await react(actorCtx(c), c.req.param("id"), seqParam(c.req.param("seq")), c.req.valid("json").emoji, false) }, 200),
  )
  .put("/:id/messages/:seq/pin", async (c) => c.json({ message: await pin(actorCtx(c), c.req.param("id"), seqParam(c.req.param("seq")), true) }, 200))
  .delete("/:id/messages/:seq/pin", async (c) => c.json({ message: await pin(actorCtx(c), c.req.param("id"), seqParam(c.req.param("seq")), false) }, 200))
  .post("/:id/read", validate("json", readSchema), async (c) => c.json(await markRead(actorCtx(c), c.req.param("id"), c.req.valid("json").seq), 200))
  .get("/:id/search", validate("query", searchQuery), async (c) => {
    const q = c.req.valid("query");
    return c.json(await searchChat(actorCtx(c), c.req.param("id"), q.q, q.limit), 200);
  })
  .get("/:id/live", async (c) => {
    assertWebSocketUpgrade(c);
    const ctx = actorCtx(c);
    await memberAccess(ctx, c.req.param("id"));
    const req = new Request(c.req.raw);
    req.headers.set("x-kontor-user", ctx.actor.id);
    return chatRoom(ctx.env, ctx.tenant.id, c.req.param("id")).fetch(req);
  });
