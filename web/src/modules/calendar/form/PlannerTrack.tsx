import { For } from "solid-js";
import { t } from "../i18n";
import { formatTimeOfDay } from "../time";

export interface Segment {
  key: string;
  from: number;
  to: number;
}

/** One attendee's row: busy blocks per shown day (working hours), with the proposed time outlined. */
export function PlannerTrack(props: { segments: Segment[]; busy: { start: string; end: string }[]; proposal: { start: number; end: number }; name: string }) {
  const blocks = (s: Segment, list: { start: number; end: number }[]) =>
    list
      .map((b) => ({ a: Math.max(b.start, s.from), b: Math.min(b.end, s.to), raw: b }))
      .filter((x) => x.b > x.a)
      .map((x) => ({ left: ((x.a - s.from) / (s.to - s.from)) * 100, width: ((x.b - x.a) / (s.to - s.from)) * 100, raw: x.raw }));
  const busy = () => props.busy.map((b) => ({ start: Date.parse(b.start), end: Date.parse(b.end) }));
  return (
    <div class="flex h-6 flex-1 overflow-hidden rounded bg-success-soft/70">
      <For each={props.segments}>
        {(s) => (
          <div class="relative h-full flex-1 border-l border-surface">
            <For each={blocks(s, busy())}>
              {(b) => (
                <span
                  class="absolute inset-y-0 bg-danger/70"
                  style={{ left: `${b.left}%`, width: `${b.width}%` }}
                  title={`${t("planner.busyFor", { name: props.name })}: ${formatTimeOfDay(b.raw.start)} – ${formatTimeOfDay(b.raw.end)}`}
                  data-busy
                />
              )}
            </For>
            <For each={blocks(s, [props.proposal])}>
              {(b) => <span class="absolute inset-y-0 z-10 rounded-sm border-2 border-accent bg-accent/15" style={{ left: `${b.left}%`, width: `${b.width}%` }} title={t("planner.proposed")} />}
            </For>
          </div>
        )}
      </For>
    </div>
  );
}
