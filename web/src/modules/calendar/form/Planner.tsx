import { For, Show, createMemo, createSignal } from "solid-js";
import type { SetStoreFunction } from "solid-js/store";
import Sparkles from "lucide-solid/icons/sparkles";
import { Avatar } from "../../../ui/Avatar";
import { Button } from "../../../ui/Button";
import { planner } from "../data";
import { createLoader } from "../loader";
import { addDays, dayOf, dayStart, formatDay, formatHour, formatWhen, instantAt, isoWithOffset, wallMinutes } from "../time";
import { t } from "../i18n";
import { instants, type FormState, type Person } from "./model";
import { PlannerTrack, type Segment } from "./PlannerTrack";

const FROM_H = 7;
const TO_H = 21;
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

/** CAL-2 planner: each attendee's busy time over the day or week, and the first slot where everyone is free. */
export function Planner(props: { state: FormState; set: SetStoreFunction<FormState>; organizer: Person }) {
  const [span, setSpan] = createSignal<"day" | "week">("day");
  const people = () => [props.organizer, ...props.state.attendees];
  const times = () => instants(props.state);
  const day = () => dayOf(times().start);
  const duration = () => Math.max(5, Math.min(1440, Math.round((times().end - times().start) / 60_000)));
  const segments = createMemo<Segment[]>(() =>
    Array.from({ length: span() === "day" ? 1 : 7 }, (_, i) => {
      const k = addDays(day(), i);
      return { key: k, from: instantAt(k, FROM_H * 60), to: instantAt(k, TO_H * 60) };
    }),
  );
  const key = () => `${people().map((p) => p.id).join(",")}|${day()}|${duration()}`;
  const data = createLoader(key, async () => {
    const from = dayStart(day());
    const to = dayStart(addDays(day(), 7));
    const r = await planner(people().map((p) => p.id), isoWithOffset(from), isoWithOffset(to), duration());
    // The first free slot should not lie in the past.
    if (r.firstFree && Date.parse(r.firstFree.start) < Date.now()) {
      const now = Math.ceil(Date.now() / 900_000) * 900_000;
      if (now < to) r.firstFree = (await planner(people().map((p) => p.id), isoWithOffset(now), isoWithOffset(to), duration())).firstFree;
    }
    return r;
  });
  const useFree = () => {
    const f = data.value()?.firstFree;
    if (!f) return;
    const zone = props.state.timeZone;
    const s = Date.parse(f.start);
    const e = Date.parse(f.end);
    props.set({ startDate: dayOf(s, zone), startTime: hhmm(wallMinutes(s, zone)), endDate: dayOf(e, zone), endTime: hhmm(wallMinutes(e, zone)) });
  };
  const ticks = () => (span() === "day" ? Array.from({ length: TO_H - FROM_H }, (_, i) => formatHour(FROM_H + i)) : segments().map((s) => formatDay(s.key, { weekday: "short", day: "numeric" })));
  return (
    <section class="rounded-md border border-line" aria-label={t("planner.title")} data-testid="planner">
      <div class="flex flex-wrap items-center gap-2 border-b border-line px-3 py-2">
        <h3 class="font-semibold">{t("planner.title")}</h3>
        <div role="group" class="inline-flex rounded-md border border-line-strong p-0.5">
          <For each={["day", "week"] as const}>
            {(s) => (
              <button type="button" aria-pressed={span() === s} class={`h-6 rounded px-2 text-[12px] font-medium ${span() === s ? "bg-accent-soft text-accent" : "text-muted"}`} onClick={() => setSpan(s)}>
                {t(`planner.${s}`)}
              </button>
            )}
          </For>
        </div>
        <span class="flex-1 text-[12px] text-muted">{formatDay(day(), { weekday: "long", day: "numeric", month: "long" })}</span>
        <Button size="sm" variant="primary" disabled={!data.value()?.firstFree} onClick={useFree} data-testid="planner-first-free">
          <Sparkles size={14} /> {t("planner.firstFree")}
        </Button>
      </div>
      <div class="overflow-x-auto px-3 py-2">
        <div class="min-w-[560px]">
          <div class="ml-40 flex text-[11px] text-muted" aria-hidden="true">
            <For each={ticks()}>{(label) => <span class="flex-1 truncate border-l border-line pl-1">{label}</span>}</For>
          </div>
          <ul>
            <For each={people()}>
              {(p) => (
                <li class="flex h-8 items-center" data-planner-row={p.name}>
                  <span class="flex w-40 shrink-0 items-center gap-2 truncate pr-2 text-[12.5px]">
                    <Avatar id={p.id} name={p.name} hasPhoto={p.hasPhoto} size="xs" />
                    <span class="truncate">{p.name}</span>
                  </span>
                  <PlannerTrack segments={segments()} busy={data.value()?.busy[p.id] ?? []} proposal={times()} name={p.name} />
                </li>
              )}
            </For>
          </ul>
        </div>
      </div>
      <p class="border-t border-line px-3 py-1.5 text-[12px] text-muted" role="status" data-testid="planner-status">
        {data.value() ? (data.value()!.firstFree ? t("planner.firstFreeAt", { when: formatWhen(data.value()!.firstFree!.start) }) : t("planner.noFree")) : t("planner.help")}
      </p>
    </section>
  );
}
