import { For, createSignal } from "solid-js";
import { toast, toastError } from "../../../lib/toast";
import { respond, type Answer, type CalEvent } from "../data";
import { refresh } from "../state";
import { t } from "../i18n";

const ANSWERS: { a: Answer; key: "accept" | "maybe" | "decline"; on: string }[] = [
  { a: "accepted", key: "accept", on: "bg-success text-white border-success" },
  { a: "maybe", key: "maybe", on: "bg-warning text-white border-warning" },
  { a: "declined", key: "decline", on: "bg-danger text-white border-danger" },
];

/** Your own answer to an invitation: accept, maybe, decline (it can be changed). */
export function RespondBar(props: { event: CalEvent; onAnswered: (e: CalEvent) => void }) {
  const [busy, setBusy] = createSignal<Answer | null>(null);
  const go = async (a: Answer) => {
    setBusy(a);
    try {
      props.onAnswered(await respond(props.event.id, a));
      toast(t("panel.answered"), "success");
      refresh();
    } catch (e) {
      toastError(e);
    } finally {
      setBusy(null);
    }
  };
  return (
    <div class="flex flex-wrap items-center gap-2" role="group" aria-label={t("panel.yourAnswer")}>
      <span class="mr-1 text-[13px] font-medium">{t("panel.yourAnswer")}</span>
      <For each={ANSWERS}>
        {(x) => (
          <button
            type="button"
            aria-pressed={props.event.details?.myStatus === x.a}
            disabled={busy() !== null}
            data-testid={`respond-${x.key}`}
            class={`h-8 rounded-md border px-3 text-[13px] font-medium disabled:opacity-60 ${props.event.details?.myStatus === x.a ? x.on : "border-line-strong bg-surface hover:bg-subtle"}`}
            onClick={() => go(x.a)}
          >
            {t(`panel.${x.key}`)}
          </button>
        )}
      </For>
    </div>
  );
}
