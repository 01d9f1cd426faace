import { For, Show } from "solid-js";
import { t } from "./i18n";
import { data, hidden, toggleCalendar } from "./state";
import type { Cal } from "./data";

const kindLabel = (c: Cal) => (c.kind === "personal" && c.access === "owner" ? t("kinds.personal") : c.kind === "company" ? t("kinds.company") : c.kind === "group" ? t("kinds.group") : t("kinds.shared"));

/** The calendars this user sees, each with its colour and a show/hide switch (kept in this browser). */
export function CalendarList(props: { heading?: boolean }) {
  const groups = () => {
    const cals = data()?.calendars ?? [];
    return [cals.filter((c) => c.kind === "personal" && c.access === "owner"), cals.filter((c) => c.kind === "company"), cals.filter((c) => c.kind === "group"), cals.filter((c) => c.kind === "personal" && c.access !== "owner")].filter((g) => g.length);
  };
  return (
    <nav aria-label={t("calendars")} class="p-3" data-testid="cal-list">
      <Show when={props.heading !== false}>
        <h2 class="mb-2 px-1 text-[12px] font-semibold uppercase tracking-wide text-muted">{t("calendars")}</h2>
      </Show>
      <For each={groups()}>
        {(group) => (
          <div class="mb-3">
            <p class="px-1 text-[11.5px] text-muted">{kindLabel(group[0])}</p>
            <ul>
              <For each={group}>
                {(c) => (
                  <li>
                    <label class="flex cursor-pointer items-center gap-2 rounded px-1 py-1 hover:bg-subtle">
                      <input
                        type="checkbox"
                        class="h-4 w-4 shrink-0 cursor-pointer rounded"
                        style={{ "accent-color": c.color }}
                        checked={!hidden().includes(c.id)}
                        onChange={() => toggleCalendar(c.id)}
                        aria-label={t("showCalendar", { name: c.name })}
                      />
                      <span class="h-2.5 w-2.5 shrink-0 rounded-full" style={{ background: c.color }} aria-hidden="true" />
                      <span class="truncate text-[13px]">{c.name}</span>
                    </label>
                  </li>
                )}
              </For>
            </ul>
          </div>
        )}
      </For>
      <Show when={data()}>
        <p class="px-1 text-[11.5px] leading-4 text-muted">{t("invitations")}</p>
      </Show>
    </nav>
  );
}
