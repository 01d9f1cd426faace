import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "../context";
import { AppError } from "../lib/errors";

/** The one place errors become responses: the envelope with the request id, never a stack trace. */
export function onError(err: Error, c: Context<AppEnv>) {
  const requestId = c.get("requestId");
  if (err instanceof AppError) {
    return c.json({ error: { code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}), requestId } }, err.status);
  }
  if (err instanceof HTTPException) {
    const status = err.status;
    const code = status === 413 ? "too_large" : status === 400 ? "bad_request" : "http_error";
    const message = status === 400 && /JSON/i.test(err.message) ? "The request body is not valid JSON." : err.message || "Request refused.";
    return c.json({ error: { code, message, requestId } }, status);
  }
  console.error(JSON.stringify({ requestId, path: c.req.path, error: String(err), stack: err.stack }));
  return c.json({ error: { code: "internal", message: "Something went wrong on our side.", requestId } }, 500);
}

export function notFoundHandler(c: Context<AppEnv>) {
  return c.json({ error: { code: "not_found", message: "No such endpoint.", requestId: c.get("requestId") } }, 404);
}
