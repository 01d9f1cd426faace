import { Show } from "solid-js";
import ArrowDown from "lucide-solid/icons/arrow-down";
import ArrowUp from "lucide-solid/icons/arrow-up";
import { t } from "../i18n";

const pill = "inline-flex h-8 items-center gap-1.5 rounded-full border border-line bg-surface px-3 text-[12.5px] font-medium shadow-pop hover:bg-subtle";

/** Floating shortcuts over the history: to the first unread message, and back to the latest. */
export function JumpButtons(props: { showUnread: boolean; showLatest: boolean; onUnread: () => void; onLatest: () => void }) {
  return (
    <>
      <Show when={props.showUnread}>
        <div class="pointer-events-none absolute inset-x-0 top-3 flex justify-center">
          <button type="button" class={`${pill} pointer-events-auto text-accent`} onClick={props.onUnread} data-testid="jump-unread">
            <ArrowUp size={14} /> {t("chat.firstUnread")}
          </button>
        </div>
      </Show>
      <Show when={props.showLatest}>
        <button
          type="button"
          class="absolute bottom-3 right-4 inline-flex h-9 w-9 items-center justify-center rounded-full border border-line bg-surface text-muted shadow-pop hover:bg-subtle hover:text-fg" onClick={props.onLatest} aria-label={t("chat.latest")} title={t("chat.latest")}>
          <ArrowDown size={17} />
        </button>
      </Show>
    </>
  );
}
