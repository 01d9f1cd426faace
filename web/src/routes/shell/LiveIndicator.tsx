import { Show, createEffect, createSignal, onCleanup } from "solid-js";
import WifiOff from "lucide-solid/icons/wifi-off";
import RefreshCw from "lucide-solid/icons/refresh-cw";
import { liveStatus } from "../../lib/live";
import { lt } from "../../lib/live-i18n";

const GRACE_MS = 1500;

/**
 * Quiet while live: shows only when the live link has been down for a moment (a blip on a reconnect
 * is not worth a flicker). The polite live region announces the change to screen readers.
 */
export function LiveIndicator() {
  const [shown, setShown] = createSignal(false);
  createEffect(() => {
    const s = liveStatus();
    if (s === "live") return setShown(false);
    const timer = setTimeout(() => setShown(true), s === "offline" ? 0 : GRACE_MS);
    onCleanup(() => clearTimeout(timer));
  });
  const offline = () => liveStatus() === "offline";
  return (
    <div aria-live="polite" class="flex items-center">
      <Show when={shown() && liveStatus() !== "live"}>
        <span
          class={`inline-flex h-7 items-center gap-1.5 rounded-full px-2.5 text-[12px] font-medium ${offline() ? "bg-danger-soft text-danger" : "bg-warning-soft text-warning"}`}
          title={lt(offline() ? "status.offlineHint" : "status.connectingHint")}
          data-testid="live-indicator"
          data-status={liveStatus()}
        >
          {offline() ? <WifiOff size={13} aria-hidden="true" /> : <RefreshCw size={13} class="animate-spin [animation-duration:2s] motion-reduce:animate-none" aria-hidden="true" />}
          <span class="hidden sm:inline">{lt(offline() ? "status.offline" : "status.connecting")}</span>
          <span class="sr-only sm:hidden">{lt(offline() ? "status.offline" : "status.connecting")}</span>
        </span>
      </Show>
    </div>
  );
}
