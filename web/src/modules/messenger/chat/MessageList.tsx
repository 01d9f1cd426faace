import { For, Show, createEffect, createMemo, createSignal, on, onCleanup, onMount } from "solid-js";
import { createVirtualizer } from "@tanstack/solid-virtual";
import { toast } from "../../../lib/toast";
import type { Row } from "../data/types";
import { useChat } from "./context";
import { MessageRow } from "./MessageRow";
import { JumpButtons } from "./JumpButtons";
import { t } from "../i18n";

const keyOf = (r: Row) => (r.kind === "msg" ? r.m.clientId : r.p.clientId);

/**
 * The history, virtualized: anchored to the end like a chat (older pages prepend without moving what
 * the reader sees, new messages are followed while the reader is at the bottom), loads older pages
 * near the top, reports what was read, and can jump to the first unread or any message.
 */
export function MessageList(props: { initialSeq?: number }) {
  const ctx = useChat();
  const room = ctx.room;
  let scroller!: HTMLDivElement;
  const rows = createMemo<Row[]>(() => [
    ...room.messages.state.list.map((m) => ({ kind: "msg" as const, m })),
    ...room.pending().map((p) => ({ kind: "pending" as const, p })),
  ]);
  const v = createVirtualizer({
    get count() {
      return rows().length;
    },
    get getItemKey() {
      const r = rows();
      return (i: number) => (r[i] ? keyOf(r[i]) : i);
    },
    getScrollElement: () => scroller,
    estimateSize: () => 64,
    overscan: 6,
    paddingStart: 56,
    paddingEnd: 12,
    anchorTo: "end",
    followOnAppend: true,
    scrollEndThreshold: 24,
  });
  const [highlight, setHighlight] = createSignal<number | null>(null);
  const [atEnd, setAtEnd] = createSignal(true);
  const [dividerSeq, setDividerSeq] = createSignal<number | null>(null);
  const [dividerSeen, setDividerSeen] = createSignal(false);
  const [ready, setReady] = createSignal(false);
  const [waited, setWaited] = createSignal(false);
  const waitTimer = setTimeout(() => setWaited(true), 2500);
  onCleanup(() => clearTimeout(waitTimer));
  const indexOfSeq = (seq: number) => rows().findIndex((r) => r.kind === "msg" && r.m.seq === seq);

  async function older() {
    if (!room.hasOlder() || room.loadingOlder()) return;
    await room.loadOlder().catch(() => 0);
  }

  async function jumpTo(seq: number) {
    for (let i = 0; i < 40 && indexOfSeq(seq) < 0 && room.hasOlder() && (room.messages.first()?.seq ?? 0) > seq; i++) await older();
    const idx = indexOfSeq(seq);
    if (idx < 0) return void toast(t("chat.tooFar"));
    v.scrollToIndex(idx, { align: "center" });
    setHighlight(seq);
    setTimeout(() => highlight() === seq && setHighlight(null), 2200);
  }
  ctx.setJumpTo((seq) => void jumpTo(seq));

  /** What is on screen: read receipts, the unread divider, and whether we are at the bottom. */
  function check() {
    if (!scroller || !ready()) return;
    const top = scroller.scrollTop;
    const bottom = top + scroller.clientHeight;
    let maxSeq = 0;
    for (const vi of v.getVirtualItems()) {
      const r = rows()[vi.index];
      if (r?.kind !== "msg" || vi.end <= top || vi.start >= bottom) continue;
      maxSeq = Math.max(maxSeq, r.m.seq);
      if (r.m.seq === dividerSeq()) setDividerSeen(true);
    }
    setAtEnd(scroller.scrollHeight - bottom < 120);
    if (maxSeq && document.visibilityState === "visible") room.markRead(maxSeq);
    if (top < 400) void older();
  }

  // Once the first page is in and we know where the reader left off: the first unread, or the end.
  createEffect(() => {
    if (ready() || room.loading()) return;
    const read = room.readAtOpen();
    // Live: wait for the socket's hello (our read cursor), unless it is late or cannot come.
    if (read === null && room.live && room.status() !== "offline" && room.status() !== "ended" && !waited()) return;
    const last = room.messages.last()?.seq ?? 0;
    const first = read !== null && read < last ? read + 1 : null;
    setDividerSeq(first);
    setReady(true);
    requestAnimationFrame(() => {
      if (props.initialSeq) void jumpTo(props.initialSeq);
      else if (first !== null && indexOfSeq(first) >= 0) v.scrollToIndex(indexOfSeq(first), { align: "start" });
      else v.scrollToEnd();
      setTimeout(check, 120);
    });
  });
  createEffect(on(() => [rows().length, room.messages.version()], () => requestAnimationFrame(check), { defer: true }));
  onMount(() => {
    const onVisible = () => check();
    document.addEventListener("visibilitychange", onVisible);
    onCleanup(() => document.removeEventListener("visibilitychange", onVisible));
  });

  return (
    <div class="relative flex min-h-0 min-w-0 flex-1 flex-col">
      <div ref={scroller} class="min-h-0 flex-1 overflow-y-auto overflow-x-hidden" onScroll={check} data-testid="message-list" aria-label={t("list.messages")} role="log">
        <div class="relative w-full" style={{ height: `${v.getTotalSize()}px` }}>
          <div class="absolute inset-x-0 top-0 flex h-14 items-center justify-center text-[12px] text-muted">
            <Show when={!room.loading()}>{room.hasOlder() ? t("chat.loadingOlder") : t("chat.beginning")}</Show>
          </div>
          <For each={v.getVirtualItems()}>
            {(vi) => (
              <div data-index={vi.index} ref={(el) => queueMicrotask(() => el.isConnected && v.measureElement(el))} class="absolute inset-x-0 top-0" style={{ transform: `translateY(${vi.start}px)` }}>
                <Show when={rows()[vi.index]}>
                  {(row) => <MessageRow row={row()} prev={rows()[vi.index - 1]} divider={dividerSeq()} highlight={highlight()} />}
                </Show>
              </div>
            )}
          </For>
        </div>
      </div>
      <JumpButtons
        showUnread={dividerSeq() !== null && !dividerSeen() && ready()}
        showLatest={!atEnd()}
        onUnread={() => void jumpTo(dividerSeq()!)}
        onLatest={() => v.scrollToEnd({ behavior: "smooth" })}
      />
    </div>
  );
}
