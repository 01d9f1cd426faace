import { badRequest } from "./errors";

/** Opaque keyset cursors: base64url of a JSON tuple of the sort keys. */
export function encodeCursor(keys: (string | number)[]): string {
  return btoa(unescape(encodeURIComponent(JSON.stringify(keys)))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function decodeCursor(cursor: string): string[] {
  try {
    const json = decodeURIComponent(escape(atob(cursor.replace(/-/g, "+").replace(/_/g, "/"))));
    const keys = JSON.parse(json);
    if (Array.isArray(keys) && keys.every((k) => typeof k === "string")) return keys;
  } catch {
    /* fall through to the error below */
  }
  throw badRequest("The cursor is not valid.", "invalid_cursor", "cursor");
}
