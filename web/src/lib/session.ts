import { createSignal } from "solid-js";
import { api, call, ApiError, onApiEvents, type Body } from "./api";
import { guessLocale, setLocale } from "./i18n";

export type Me = Body<Awaited<ReturnType<typeof api.me.$get>>>;
export type ModuleName = Me["portal"]["moduleAccess"][number]["name"];

/** Where this page runs: the root host (portal sign-up) or a portal, signed in or not. */
export type BootState = "root" | "signedOut" | "totp" | "signedIn";

const [me, setMe] = createSignal<Me | null>(null);
const [totpPending, setTotpPending] = createSignal(false);
const [mustSetUpTotp, setMustSetUpTotp] = createSignal(false);
export { me, totpPending, setTotpPending, mustSetUpTotp };

export const isAdmin = () => me()?.user.role === "admin";

function apply(m: Me) {
  setMe(m);
  setTotpPending(false);
  setMustSetUpTotp(m.portal.requireTotp && !m.user.totpEnabled);
}

export async function boot(): Promise<BootState> {
  try {
    const m = await call(api.me.$get(), { quiet: true });
    await setLocale(m.user.language);
    apply(m);
    return "signedIn";
  } catch (e) {
    await setLocale(guessLocale());
    if (e instanceof ApiError && e.status === 404) return "root";
    if (e instanceof ApiError && e.code === "totp_required") {
      setTotpPending(true);
      return "totp";
    }
    return "signedOut";
  }
}

/** Reloads /me (after sign-in, a language change, a profile edit). */
export async function refreshMe(): Promise<Me> {
  const m = await call(api.me.$get());
  if (m.user.language) await setLocale(m.user.language);
  apply(m);
  return m;
}

export function updateMe(m: Me) {
  apply(m);
}

let navigateTo: ((to: string) => void) | null = null;
export function setNavigator(fn: (to: string) => void) {
  navigateTo = fn;
}

export function signedOut() {
  setMe(null);
  setMustSetUpTotp(false);
}

onApiEvents({
  unauthorized: (code) => {
    if (!me()) return;
    signedOut();
    if (code === "totp_required") setTotpPending(true);
    const here = location.pathname + location.search;
    navigateTo?.(`/sign-in?next=${encodeURIComponent(here)}`);
  },
  totpSetup: () => {
    setMustSetUpTotp(true);
    navigateTo?.("/account/security");
  },
});

export async function signOut() {
  try {
    await call(api.auth.logout.$post());
  } catch {
    /* the session may already be gone */
  }
  signedOut();
  navigateTo?.("/sign-in");
}
