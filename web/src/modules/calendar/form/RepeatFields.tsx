import { For, Show } from "solid-js";
import type { SetStoreFunction } from "solid-js/store";
import { Select } from "../../../ui/Select";
import { formatDay, keyOf } from "../time";
import { WEEKDAYS, type Freq, type RepeatEnd } from "../rrule";
import { t } from "../i18n";
import type { FormState } from "./model";

const FREQS: Freq[] = ["none", "daily", "weekly", "monthly", "yearly"];

/** Repeat: how often, on which weekdays, and until when (a date or a number of times). */
export function RepeatFields(props: { state: FormState; set: SetStoreFunction<FormState>; error?: string }) {
  const r = () => props.state.repeat;
  // Monday 2024-01-01 onwards gives the weekday names in the user's language.
  const dayName = (i: number) => formatDay(keyOf(2024, 0, 1 + i), { weekday: "short" });
  const toggleDay = (d: string) => props.set("repeat", "byDay", (l) => (l.includes(d) ? (l.length > 1 ? l.filter((x) => x !== d) : l) : [...l, d]));
  return (
    <div class="space-y-2">
      <Select
        label={t("form.repeat")}
        options={FREQS.map((f) => ({ value: f, label: f === "none" ? t("form.repeatNone") : t(`form.${f}`) }))}
        value={r().freq}
        onChange={(v) => props.set("repeat", "freq", v as Freq)}
        error={props.error}
        testId="repeat"
      />
      <Show when={r().freq !== "none"}>
        <div class="space-y-2 rounded-md border border-line p-3">
          <label class="flex items-center gap-2 text-[13px]">
            {t("form.interval")}
            <input type="number" min="1" max="99" class="k-input h-8 w-16" value={r().interval} onInput={(e) => props.set("repeat", "interval", Math.max(1, Number(e.currentTarget.value) || 1))} />
            {t(`form.intervalUnit.${r().freq as "daily"}`)}
          </label>
          <Show when={r().freq === "weekly"}>
            <div class="flex flex-wrap items-center gap-1" role="group" aria-label={t("form.onDays")}>
              <span class="mr-1 text-[13px]">{t("form.onDays")}</span>
              <For each={[...WEEKDAYS]}>
                {(d, i) => (
                  <button type="button" aria-pressed={r().byDay.includes(d)} class={`h-7 min-w-9 rounded-md border px-1.5 text-[12px] font-medium ${r().byDay.includes(d) ? "border-accent bg-accent text-accent-fg" : "border-line-strong hover:bg-subtle"}`} onClick={() => toggleDay(d)}>
                    {dayName(i())}
                  </button>
                )}
              </For>
            </div>
          </Show>
          <div class="flex flex-wrap items-center gap-x-4 gap-y-2 text-[13px]" role="radiogroup" aria-label={t("form.ends")}>
            <span>{t("form.ends")}</span>
            <For each={["never", "until", "count"] as RepeatEnd[]}>
              {(end) => (
                <label class="flex items-center gap-1.5">
                  <input type="radio" name="repeat-end" checked={r().end === end} onChange={() => props.set("repeat", "end", end)} />
                  {t(`form.${end}`)}
                  <Show when={end === "until" && r().end === "until"}>
                    <input type="date" class="k-input h-8 w-auto" value={r().until} min={props.state.startDate} onChange={(e) => props.set("repeat", "until", e.currentTarget.value)} aria-label={t("form.until")} />
                  </Show>
                  <Show when={end === "count" && r().end === "count"}>
                    <input type="number" min="1" max="999" class="k-input h-8 w-20" value={r().count} onInput={(e) => props.set("repeat", "count", Math.max(1, Number(e.currentTarget.value) || 1))} aria-label={t("form.occurrences")} data-testid="repeat-count" />
                    {t("form.occurrences")}
                  </Show>
                </label>
              )}
            </For>
          </div>
        </div>
      </Show>
    </div>
  );
}
