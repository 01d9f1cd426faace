import { For, Show, createEffect, createResource, createSignal, onCleanup } from "solid-js";
import Search from "lucide-solid/icons/search";
import Check from "lucide-solid/icons/check";
import { Avatar } from "../../../ui/Avatar";
import { searchPeople } from "../data/people";
import type { Person } from "../data/types";
import { t } from "../i18n";

/** Search-as-you-type over active colleagues (dismissed people are never offered); a click picks. */
export function PeopleSearch(props: { onPick: (p: Person) => void; selected?: Set<string>; exclude?: Set<string>; autofocus?: boolean }) {
  const [q, setQ] = createSignal("");
  const [term, setTerm] = createSignal("");
  createEffect(() => {
    const v = q().trim();
    const timer = setTimeout(() => setTerm(v), 200);
    onCleanup(() => clearTimeout(timer));
  });
  const [people] = createResource(term, (v) => searchPeople(v), { initialValue: [] });
  const shown = () => people.latest.filter((p) => !props.exclude?.has(p.id));
  let input!: HTMLInputElement;
  createEffect(() => props.autofocus && setTimeout(() => input?.focus(), 30));
  return (
    <div>
      <div class="relative">
        <Search size={15} class="pointer-events-none absolute left-2.5 top-1/2 -translate-y-1/2 text-muted" aria-hidden="true" />
        <input
          ref={input}
          type="search"
          class="k-input pl-8"
          placeholder={t("dialogs.searchPeople")}
          aria-label={t("dialogs.searchPeople")}
          value={q()}
          onInput={(e) => setQ(e.currentTarget.value)}
          data-testid="people-search"
        />
      </div>
      <ul class="mt-2 max-h-64 overflow-y-auto rounded-md border border-line" role="listbox" aria-multiselectable={!!props.selected}>
        <For each={shown()} fallback={<li class="px-3 py-3 text-[13px] text-muted">{people.loading ? "…" : t("dialogs.nobody")}</li>}>
          {(p) => {
            const on = () => props.selected?.has(p.id) ?? false;
            return (
              <li role="option" aria-selected={on()}>
                <button type="button" class="flex w-full items-center gap-2.5 px-3 py-2 text-left hover:bg-subtle focus-visible:bg-subtle" onClick={() => props.onPick(p)} data-testid="person-option">
                  <Avatar id={p.id} name={p.name} hasPhoto={p.hasPhoto} size="sm" presence={p.presence as "online" | "away" | "offline"} />
                  <span class="min-w-0 flex-1">
                    <span class="block truncate text-[13px] font-medium">{p.name}</span>
                    <span class="block truncate text-[12px] text-muted">{p.position || p.email}</span>
                  </span>
                  <Show when={on()}>
                    <Check size={16} class="text-accent" />
                  </Show>
                </button>
              </li>
            );
          }}
        </For>
      </ul>
    </div>
  );
}
