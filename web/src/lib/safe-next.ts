/**
 * Where to go after sign-in (?next=): only a path of this very portal. Browsers read "/\evil.test" and
 * "/<tab>/evil.test" as "//evil.test", another site, so the path is resolved as the browser would and
 * its origin compared, instead of trusting how the text starts.
 */
export function safeNext(next: string | string[] | undefined, origin: string): string | null {
  const n = Array.isArray(next) ? next[0] : next;
  if (!n || !n.startsWith("/")) return null;
  let url: URL;
  try {
    url = new URL(n, origin);
  } catch {
    return null;
  }
  if (url.origin !== origin) return null;
  const path = url.pathname + url.search + url.hash;
  // The resolved path must read the same to the router (no "//" a second resolution could misread).
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/sign-in")) return null;
  return path;
}
