import { Match, Show, Switch } from "solid-js";
import type { Row } from "../data/types";
import { dayLabel, dayOf } from "../data/text";
import { useChat } from "./context";
import { MessageItem } from "./MessageItem";
import { PendingItem } from "./PendingItem";
import { t } from "../i18n";

const GROUP_MS = 5 * 60_000;
const when = (r: Row) => (r.kind === "msg" ? r.m.createdAt : new Date(r.p.createdAt).toISOString());

/** One row of the history: a day separator or the unread line when due, then the message. */
export function MessageRow(props: { row: Row; prev?: Row; divider: number | null; highlight: number | null }) {
  const ctx = useChat();
  const author = (r: Row) => (r.kind === "msg" ? r.m.authorId : ctx.me);
  const newDay = () => !props.prev || dayOf(when(props.prev)) !== dayOf(when(props.row));
  const isDivider = () => props.row.kind === "msg" && props.row.m.seq === props.divider;
  const grouped = () => {
    const prev = props.prev;
    if (!prev || newDay() || isDivider()) return false;
    if (prev.kind === "msg" && prev.m.deleted) return false;
    return author(prev) === author(props.row) && Date.parse(when(props.row)) - Date.parse(when(prev)) < GROUP_MS;
  };
  return (
    <div class={`px-3 md:px-6 ${grouped() ? "pt-0.5" : "pt-2.5"}`}>
      <Show when={newDay()}>
        <div class="my-2 flex justify-center">
          <span class="rounded-full bg-surface px-3 py-0.5 text-[11.5px] font-medium text-muted shadow-card">{dayLabel(when(props.row))}</span>
        </div>
      </Show>
      <Show when={isDivider()}>
        <div class="my-2 flex items-center gap-3 text-[11.5px] font-semibold uppercase tracking-wider text-danger" data-testid="unread-divider">
          <span class="h-px flex-1 bg-danger/40" />
          {t("chat.newMessages")}
          <span class="h-px flex-1 bg-danger/40" />
        </div>
      </Show>
      <Switch>
        <Match when={props.row.kind === "msg" && props.row.m}>{(m) => <MessageItem m={m()} grouped={grouped()} highlight={props.highlight === m().seq} />}</Match>
        <Match when={props.row.kind === "pending" && props.row.p}>{(p) => <PendingItem p={p()} grouped={grouped()} />}</Match>
      </Switch>
    </div>
  );
}
