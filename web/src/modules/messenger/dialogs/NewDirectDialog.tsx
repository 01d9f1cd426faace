import { createSignal } from "solid-js";
import { useNavigate } from "@solidjs/router";
import { api, call } from "../../../lib/api";
import { toastChatError } from "../data/errors";
import { Dialog } from "../../../ui/Dialog";
import { upsertChat } from "../data/chats";
import type { Person } from "../data/types";
import { PeopleSearch } from "./PeopleSearch";
import { t } from "../i18n";

/** Opens the one-to-one chat with a colleague (the server returns the existing one if there is one). */
export function NewDirectDialog(props: { open: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const [busy, setBusy] = createSignal(false);
  async function pick(p: Person) {
    if (busy()) return;
    setBusy(true);
    try {
      const r = await call(api.chats.$post({ json: { type: "direct", userId: p.id } }));
      upsertChat(r.chat);
      props.onClose();
      navigate(`/messenger/${r.chat.id}`);
    } catch (e) {
      toastChatError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Dialog open={props.open} onOpenChange={(o) => !o && props.onClose()} title={t("dialogs.directTitle")} description={t("dialogs.directText")}>
      <div aria-busy={busy()}>
        <PeopleSearch onPick={(p) => void pick(p)} autofocus />
      </div>
    </Dialog>
  );
}
