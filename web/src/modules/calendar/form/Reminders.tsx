import { For, Show } from "solid-js";
import type { SetStoreFunction } from "solid-js/store";
import X from "lucide-solid/icons/x";
import Bell from "lucide-solid/icons/bell";
import { t } from "../i18n";
import { REMINDER_CHOICES, reminderLabel } from "./reminders";
import type { FormState } from "./model";

/** Up to five reminders, minutes before the start (in-app and by e-mail). */
export function Reminders(props: { state: FormState; set: SetStoreFunction<FormState> }) {
  const free = () => REMINDER_CHOICES.filter((m) => !props.state.reminders.includes(m));
  return (
    <div>
      <span class="k-label">{t("form.reminders")}</span>
      <div class="flex flex-wrap items-center gap-1.5">
        <For each={[...props.state.reminders].sort((a, b) => a - b)}>
          {(m) => (
            <span class="inline-flex h-7 items-center gap-1 rounded-full border border-line bg-subtle pl-2 pr-1 text-[12.5px]">
              <Bell size={12} class="text-muted" /> {reminderLabel(m)}
              <button type="button" class="rounded-full p-0.5 text-muted hover:bg-line" aria-label={t("form.removeReminder", { label: reminderLabel(m) })} onClick={() => props.set("reminders", (l) => l.filter((x) => x !== m))}>
                <X size={12} />
              </button>
            </span>
          )}
        </For>
        <Show when={props.state.reminders.length < 5}>
          <select
            class="k-input h-7 w-auto py-0 pl-2 pr-7 text-[12.5px]"
            aria-label={t("form.addReminder")}
            onChange={(e) => {
              const v = e.currentTarget.value;
              e.currentTarget.value = "";
              if (v) props.set("reminders", (l) => [...l, Number(v)]);
            }}
          >
            <option value="">+ {t("form.addReminder")}</option>
            <For each={free()}>{(m) => <option value={m}>{reminderLabel(m)}</option>}</For>
          </select>
        </Show>
      </div>
    </div>
  );
}
