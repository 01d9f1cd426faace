import { createResource } from "solid-js";

export interface PublicPortal {
  name: string;
  hasLogo: boolean | undefined;
}

/** The portal's address label, e.g. "acme" for acme.kontor.example. */
export const portalSlug = () => location.hostname.split(".")[0] ?? "";

/**
 * Signed-out pages show the portal's name and logo. The name comes from GET /api/v1/portal/public
 * when the server offers it; otherwise the address stands in for it.
 */
async function loadPublicPortal(): Promise<PublicPortal> {
  try {
    const res = await fetch("/api/v1/portal/public", { headers: { accept: "application/json" } });
    if (res.ok) {
      const body = (await res.json()) as { name?: string; hasLogo?: boolean; portal?: { name?: string; hasLogo?: boolean } };
      const p = body.portal ?? body;
      if (p.name) return { name: p.name, hasLogo: p.hasLogo };
    }
  } catch {
    /* fall back to the address */
  }
  return { name: portalSlug(), hasLogo: undefined };
}

let cached: ReturnType<typeof createResource<PublicPortal>>[0] | null = null;
export function publicPortal() {
  if (!cached) cached = createResource(loadPublicPortal)[0];
  return cached;
}
