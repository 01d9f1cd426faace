import { Show, createMemo } from "solid-js";
import Pin from "lucide-solid/icons/pin";
import X from "lucide-solid/icons/x";
import { nameOf } from "../data/people";
import { useChat } from "./context";
import { t, tp } from "../i18n";

/** The newest pinned message above the history; a click jumps to it. Loaded messages know best. */
export function PinnedBar() {
  const ctx = useChat();
  const pinned = createMemo(() => {
    ctx.room.messages.version();
    const fromDetail = ctx.detail().pinned.filter((p) => {
      const m = ctx.room.messages.find(p.seq);
      return m ? m.pinned && !m.deleted : true;
    });
    const seen = new Set(fromDetail.map((p) => p.seq));
    const loaded = ctx.room.messages.state.list.filter((m) => m.pinned && !m.deleted && !seen.has(m.seq));
    return [...fromDetail, ...loaded].sort((a, b) => a.seq - b.seq);
  });
  const latest = () => pinned()[pinned().length - 1];
  return (
    <Show when={latest()}>
      {(m) => (
        <div class="flex shrink-0 items-center gap-2 border-b border-line bg-surface px-4 py-1.5" data-testid="pinned-bar">
          <Pin size={14} class="shrink-0 text-accent" />
          <button type="button" class="min-w-0 flex-1 text-left" onClick={() => ctx.jumpTo(m().seq)}>
            <span class="block text-[11.5px] font-medium text-accent">{pinned().length > 1 ? tp("chat.pinnedCount", pinned().length) : t("chat.pinned")}</span>
            <span class="block truncate text-[12.5px]">
              <span class="text-muted">{nameOf(m().authorId)}: </span>
              {m().text}
            </span>
          </button>
          <Show when={ctx.room.live}>
            <button type="button" class="rounded p-1 text-muted hover:bg-subtle" aria-label={t("chat.unpin")} title={t("chat.unpin")} onClick={() => ctx.togglePin(m())}>
              <X size={14} />
            </button>
          </Show>
        </div>
      )}
    </Show>
  );
}
