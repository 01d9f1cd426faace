import { badRequest } from "./errors";

/** Opaque keyset cursors: base64url of a JSON tuple of the sort keys. */
export function encodeCursor(keys: (string | number)[]): string {
  return btoa(unescape(encodeURIComponent(JSON.stringify(keys)))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** `length`: how many keys the caller reads; a crafted cursor with fewer must be a 400, not a query with holes. */
export function decodeCursor(cursor: string, length: number): string[] {
  try {
    const json = decodeURIComponent(escape(atob(cursor.replace(/-/g, "+").replace(/_/g, "/"))));
    const keys = JSON.parse(json);
    if (Array.isArray(keys) && keys.every((k) => typeof k === "string") && keys.length === length) return keys;
  } catch {
    /* fall through to the error below */
  }
  throw badRequest("The cursor is not valid.", "invalid_cursor", "cursor");
}
