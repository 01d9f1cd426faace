import { For, Show } from "solid-js";
import Video from "lucide-solid/icons/video";
import CircleAlert from "lucide-solid/icons/circle-alert";
import X from "lucide-solid/icons/x";
import { Avatar } from "../../../ui/Avatar";
import { Button } from "../../../ui/Button";
import { nameOf, person } from "../data/people";
import { useChat } from "../chat/context";
import { t, tp } from "../i18n";

/** A call running in this chat that I am not in: who is there, and a button to join. Also why joining failed. */
export function CallBanner() {
  const ctx = useChat();
  const people = () => ctx.room.participants();
  const problem = () => ctx.call.problem();
  return (
    <>
      <Show when={problem()}>
        <div class="flex shrink-0 items-start gap-2 border-b border-danger/30 bg-danger-soft px-4 py-2 text-[13px] text-danger" role="alert" data-testid={`call-${problem()}`}>
          <CircleAlert size={16} class="mt-px shrink-0" />
          <span class="flex-1">{problem() === "full" ? t("call.full", { max: 4 }) : problem() === "media" ? t("call.media") : t("call.offline")}</span>
          <button type="button" class="rounded p-0.5 hover:bg-danger/10" aria-label={t("call.dismiss")} onClick={ctx.call.clearProblem}>
            <X size={14} />
          </button>
        </div>
      </Show>
      <Show when={people().length > 0 && ctx.room.live}>
        <div class="flex shrink-0 items-center gap-3 border-b border-success/30 bg-success-soft px-4 py-2" data-testid="call-banner">
          <span class="relative flex h-8 w-8 items-center justify-center rounded-full bg-success text-white">
            <Video size={16} />
            <span class="absolute inset-0 animate-ping rounded-full bg-success/40 motion-reduce:hidden" />
          </span>
          <div class="min-w-0 flex-1">
            <p class="text-[13px] font-medium text-success">{t("call.running")}</p>
            <p class="truncate text-[12px] text-muted">
              {tp("call.inCall", people().length)} · {people().map((p) => nameOf(p.userId)).join(", ")}
            </p>
          </div>
          <div class="hidden -space-x-2 sm:flex">
            <For each={people()}>{(p) => <Avatar id={p.userId} name={nameOf(p.userId)} hasPhoto={person(p.userId)?.hasPhoto} size="sm" />}</For>
          </div>
          <Button variant="primary" size="sm" busy={ctx.call.busy()} onClick={() => void ctx.call.join()} data-testid="call-join">
            {t("call.join")}
          </Button>
        </div>
      </Show>
    </>
  );
}
