import { For, Show } from "solid-js";
import { t } from "../../../lib/i18n";
import { Avatar } from "../../../ui/Avatar";
import { Badge } from "../../../ui/Badge";
import type { SeatOverview } from "../data";

/** Active users with a checkbox each: checked ones are business users. */
export function SeatList(props: { data: SeatOverview; selected: Set<string>; available: number; onToggle: (id: string) => void; disabled: boolean }) {
  const full = () => props.selected.size >= props.available;
  return (
    <section class="k-card" aria-labelledby="seat-list-h">
      <div class="flex flex-wrap items-center justify-between gap-2 border-b border-line px-4 py-3">
        <h2 id="seat-list-h" class="font-semibold">{t("admin.seats.activeTitle")}</h2>
        <span class="text-[13px] text-muted" aria-live="polite">
          {t("admin.seats.selectedOf", { n: props.selected.size, max: Math.max(0, props.available) })}
        </span>
      </div>
      <ul class="divide-y divide-line">
        <For each={props.data.active}>
          {(u) => {
            const checked = () => props.selected.has(u.id);
            return (
              <li>
                <label class={`flex items-center gap-3 px-4 py-2.5 ${props.disabled ? "" : "cursor-pointer hover:bg-subtle/60"}`}>
                  <input
                    type="checkbox"
                    class="h-4 w-4 accent-[var(--k-accent)]"
                    checked={checked()}
                    disabled={props.disabled || (!checked() && full())}
                    onChange={() => props.onToggle(u.id)}
                    data-seat={u.email}
                  />
                  <Avatar id={u.id} name={u.name} size="sm" />
                  <span class="min-w-0 flex-1">
                    <span class="block truncate font-medium">{u.name}</span>
                    <span class="block truncate text-[12px] text-muted">{[u.position, u.email].filter(Boolean).join(" · ")}</span>
                  </span>
                  <Show when={u.locked}>
                    <Badge tone="warning">{t("admin.seats.lockedBadge")}</Badge>
                  </Show>
                  <Show when={u.businessUser && !u.locked}>
                    <Badge tone="success">{t("admin.people.seat")}</Badge>
                  </Show>
                </label>
              </li>
            )}}
        </For>
      </ul>
    </section>
  );
}
