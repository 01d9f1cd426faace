import { For, Show, createSignal } from "solid-js";
import { useNavigate } from "@solidjs/router";
import { api, call, ApiError } from "../../../lib/api";
import { chatErrorText, toastChatError } from "../data/errors";
import { t as gt } from "../../../lib/i18n";
import { Dialog } from "../../../ui/Dialog";
import { Button } from "../../../ui/Button";
import { upsertChat } from "../data/chats";
import type { Person } from "../data/types";
import { PeopleSearch } from "./PeopleSearch";
import { SelectedPeople } from "./SelectedPeople";
import { t } from "../i18n";

/** A group chat: its name, the first members, and whether colleagues can find and join it. */
export function NewGroupDialog(props: { open: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const [title, setTitle] = createSignal("");
  const [people, setPeople] = createSignal<Person[]>([]);
  const [visibility, setVisibility] = createSignal<"private" | "public">("private");
  const [error, setError] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const toggle = (p: Person) => setPeople((l) => (l.some((x) => x.id === p.id) ? l.filter((x) => x.id !== p.id) : [...l, p]));
  const reset = () => (setTitle(""), setPeople([]), setVisibility("private"), setError(""));

  async function create(e: SubmitEvent) {
    e.preventDefault();
    if (!title().trim()) return setError(t("dialogs.nameRequired"));
    setBusy(true);
    try {
      const r = await call(api.chats.$post({ json: { type: "group", title: title().trim(), memberIds: people().map((p) => p.id), visibility: visibility() } }));
      upsertChat(r.chat);
      reset();
      props.onClose();
      navigate(`/messenger/${r.chat.id}`);
    } catch (err) {
      if (err instanceof ApiError && err.field === "title") setError(chatErrorText(err));
      else toastChatError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      open={props.open}
      onOpenChange={(o) => !o && props.onClose()}
      title={t("dialogs.groupTitle")}
      footer={
        <>
          <Button onClick={props.onClose}>{gt("common.cancel")}</Button>
          <Button variant="primary" type="submit" form="new-group" busy={busy()} data-testid="create-group">
            {t("dialogs.create")}
          </Button>
        </>
      }
    >
      <form id="new-group" class="space-y-4" onSubmit={create}>
        <div>
          <label for="group-title" class="k-label">
            {t("dialogs.groupName")}
          </label>
          <input
            id="group-title"
            class="k-input"
            placeholder={t("dialogs.groupNamePh")}
            value={title()}
            maxLength={120}
            aria-invalid={error() ? "true" : "false"}
            onInput={(e) => (setTitle(e.currentTarget.value), setError(""))}
            data-testid="group-title"
          />
          <p role="alert" class="mt-1 text-[12px] text-danger empty:hidden">
            {error()}
          </p>
        </div>
        <fieldset>
          <legend class="k-label">{t("dialogs.visibility")}</legend>
          <div class="space-y-1.5">
            <For each={["private", "public"] as const}>
              {(v) => (
                <label class="flex items-center gap-2 text-[13px]">
                  <input type="radio" name="visibility" value={v} checked={visibility() === v} onChange={() => setVisibility(v)} class="accent-[var(--k-accent)]" />
                  {t(`dialogs.${v}`)}
                </label>
              )}
            </For>
          </div>
        </fieldset>
        <div>
          <span class="k-label">{t("dialogs.members")}</span>
          <Show when={people().length}>
            <div class="mb-2">
              <SelectedPeople people={people()} onRemove={(id) => setPeople((l) => l.filter((p) => p.id !== id))} />
            </div>
          </Show>
          <PeopleSearch onPick={toggle} selected={new Set(people().map((p) => p.id))} />
        </div>
      </form>
    </Dialog>
  );
}
