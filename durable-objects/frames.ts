import type { z } from "zod";

const MAX_FRAME = 64 * 1024;

/** Validates an incoming socket frame: size, JSON, then the zod union. A cast is not a check. */
export function parseFrame<T extends z.ZodType>(schema: T, message: string | ArrayBuffer): { ok: true; value: z.infer<T> } | { ok: false; code: string; message: string } {
  if (typeof message !== "string") return { ok: false, code: "unsupported", message: "Send JSON text frames." };
  if (message.length > MAX_FRAME) return { ok: false, code: "too_large", message: "Frame too large." };
  let json: unknown;
  try {
    json = JSON.parse(message);
  } catch {
    return { ok: false, code: "bad_json", message: "The frame is not valid JSON." };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { ok: false, code: "bad_frame", message: parsed.error.issues[0]?.message ?? "Unknown frame." };
  return { ok: true, value: parsed.data };
}
