import { For, Show } from "solid-js";
import { t } from "../../../lib/i18n";
import { Avatar } from "../../../ui/Avatar";
import { Button } from "../../../ui/Button";
import type { SeatOverview } from "../data";

type Holder = SeatOverview["pendingHolders"][number];

/** Seats held by people who are not active (pending invitations, dismissed users), with a way to free them. */
export function SeatHolders(props: { title: string; text: string; people: Holder[]; freeing: string | null; onFree: (id: string) => void }) {
  return (
    <Show when={props.people.length}>
      <section class="k-card" aria-label={props.title}>
        <div class="border-b border-line px-4 py-3">
          <h2 class="font-semibold">{props.title}</h2>
          <p class="text-[13px] text-muted">{props.text}</p>
        </div>
        <ul class="divide-y divide-line">
          <For each={props.people}>
            {(p) => (
              <li class="flex items-center gap-3 px-4 py-2.5" data-holder={p.email}>
                <Avatar id={p.id} name={p.name} size="sm" />
                <span class="min-w-0 flex-1">
                  <span class="block truncate font-medium">{p.name}</span>
                  <span class="block truncate text-[12px] text-muted">{p.email}</span>
                </span>
                <Button size="sm" busy={props.freeing === p.id} onClick={() => props.onFree(p.id)}>
                  {t("admin.seats.free")}
                </Button>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}
