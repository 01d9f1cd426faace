import { onCleanup, onMount } from "solid-js";
import { liveStatus, onLiveFrame } from "../../lib/live";
import { refresh } from "./state";

const TYPES = new Set(["calendar.guest_answer", "calendar.answer", "calendar.invited", "calendar.updated", "calendar.cancelled"]);
const POLL_MS = 30_000;

/**
 * Keeps the visible range and the open panel current: live notifications about events refresh them at once
 * (a reconnect's snapshot too); when the tab comes back, and every 30 s while the live link is down.
 */
export function useLiveRefresh() {
  onMount(() => {
    const off = onLiveFrame((f) => {
      if ((f.type === "notification" && TYPES.has(f.item.type)) || f.type === "snapshot") refresh();
    });
    const focus = () => document.visibilityState === "visible" && refresh();
    window.addEventListener("focus", focus);
    document.addEventListener("visibilitychange", focus);
    const timer = setInterval(() => document.visibilityState === "visible" && liveStatus() !== "live" && refresh(), POLL_MS);
    onCleanup(() => {
      off();
      window.removeEventListener("focus", focus);
      document.removeEventListener("visibilitychange", focus);
      clearInterval(timer);
    });
  });
}
