import { Match, Switch } from "solid-js";
import WifiOff from "lucide-solid/icons/wifi-off";
import { nameOf } from "../data/people";
import { useChat } from "./context";
import { t } from "../i18n";

/** Under the history: who is typing, or — when it matters — the state of the connection. */
export function StatusLine() {
  const ctx = useChat();
  const typing = () => ctx.room.typingUsers().map((id) => nameOf(id).split(" ")[0]);
  return (
    <div class="flex h-6 shrink-0 items-center bg-bg px-4 text-[12px] text-muted md:px-6" aria-live="polite" data-testid="status-line">
      <Switch>
        <Match when={ctx.room.status() === "ended"}>
          <span class="text-danger">{t("chat.ended")}</span>
        </Match>
        <Match when={ctx.room.status() === "offline"}>
          <span class="flex items-center gap-1.5 text-warning" data-testid="chat-offline">
            <WifiOff size={13} /> {t("chat.offlineBanner")}
          </span>
        </Match>
        <Match when={typing().length === 1}>
          <span class="italic" data-testid="typing">{t("chat.typing1", { a: typing()[0] })}</span>
        </Match>
        <Match when={typing().length === 2}>
          <span class="italic" data-testid="typing">{t("chat.typing2", { a: typing()[0], b: typing()[1] })}</span>
        </Match>
        <Match when={typing().length > 2}>
          <span class="italic" data-testid="typing">{t("chat.typingMany")}</span>
        </Match>
      </Switch>
    </div>
  );
}
