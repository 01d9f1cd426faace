import { Show } from "solid-js";
import Clock from "lucide-solid/icons/clock-3";
import CircleAlert from "lucide-solid/icons/circle-alert";
import { formatTime } from "../../../lib/format";
import type { PendingView } from "../data/types";
import { useChat } from "./context";
import { MessageText } from "./MessageText";
import { t } from "../i18n";

/** A message on its way: greyed with a clock until the server acknowledges it; refusals say why. */
export function PendingItem(props: { p: PendingView; grouped: boolean }) {
  const ctx = useChat();
  return (
    <div class="flex flex-row-reverse items-end gap-2" data-testid="message" data-pending="1" data-mine="1">
      <div class="flex max-w-[min(78%,640px)] flex-col items-end">
        <div class={`rounded-2xl rounded-br-md px-3 py-1.5 ${props.p.error ? "border border-danger/40 bg-danger-soft" : "bg-accent-soft/60 opacity-70"}`}>
          <MessageText text={props.p.text} mentions={props.p.mentions ?? []} />
          <div class="-mb-0.5 mt-0.5 flex items-center justify-end gap-1 text-[11px] text-muted">
            <time>{formatTime(new Date(props.p.createdAt))}</time>
            <span title={t("message.sending")} aria-label={t("message.sending")} data-testid="message-status" data-state="pending">
              <Clock size={13} />
            </span>
          </div>
        </div>
        <Show when={props.p.error}>
          <p class="mt-1 flex items-center gap-1.5 text-[12px] text-danger" role="alert">
            <CircleAlert size={13} />
            {t("message.failed", { reason: props.p.error! })}
            <Show when={props.p.dropped} fallback={<span class="text-muted">{t("message.willRetry")}</span>}>
              <button type="button" class="font-medium underline underline-offset-2" onClick={() => void ctx.room.discard(props.p.clientId)}>
                {t("message.discard")}
              </button>
            </Show>
          </p>
        </Show>
      </div>
    </div>
  );
}
