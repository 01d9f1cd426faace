import { createResource } from "solid-js";

export interface PublicPortal {
  name: string;
  hasLogo: boolean | undefined;
}

/** The portal's address label, e.g. "acme" for acme.kontor.example. */
export const portalSlug = () => location.hostname.split(".")[0] ?? "";

/** Signed-out pages show the portal's name and logo (GET /api/v1/portal/public); offline, the address stands in. */
async function loadPublicPortal(): Promise<PublicPortal> {
  try {
    const res = await fetch("/api/v1/portal/public", { headers: { accept: "application/json" } });
    if (res.ok) {
      const { portal } = (await res.json()) as { portal: { name: string; hasLogo: boolean } };
      return { name: portal.name, hasLogo: portal.hasLogo };
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
