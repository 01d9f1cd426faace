import { createSignal } from "solid-js";
import Globe from "lucide-solid/icons/globe";
import { api, call } from "../../../lib/api";
import { toast } from "../../../lib/toast";
import { toastChatError } from "../data/errors";
import { Button } from "../../../ui/Button";
import { bumpPublic, upsertChat } from "../data/chats";
import type { ChatDetail } from "../data/types";
import { useChat } from "./context";
import { t } from "../i18n";

/** Reading a public chat without being in it: one click to join and write. */
export function JoinBar(props: { onJoined: (d: ChatDetail) => void }) {
  const ctx = useChat();
  const [busy, setBusy] = createSignal(false);
  async function join() {
    setBusy(true);
    try {
      const r = await call(api.chats[":id"].join.$post({ param: { id: ctx.room.chatId } }));
      upsertChat(r.chat);
      bumpPublic();
      toast(t("list.joined", { title: r.chat.title }), "success");
      props.onJoined(r);
    } catch (e) {
      toastChatError(e);
      setBusy(false);
    }
  }
  return (
    <div class="flex shrink-0 items-center gap-3 border-t border-line bg-surface px-4 py-3">
      <Globe size={16} class="text-muted" />
      <span class="flex-1 text-[13px] text-muted">{t("chat.notMember")}</span>
      <Button variant="primary" busy={busy()} onClick={() => void join()} data-testid="join-to-write">
        {t("chat.joinToWrite")}
      </Button>
    </div>
  );
}
