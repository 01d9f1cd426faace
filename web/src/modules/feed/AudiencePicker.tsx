import { For, Show, createSignal } from "solid-js";
import { Popover } from "@kobalte/core/popover";
import Plus from "lucide-solid/icons/plus";
import X from "lucide-solid/icons/x";
import Globe from "lucide-solid/icons/globe";
import Building from "lucide-solid/icons/building";
import Check from "lucide-solid/icons/check";
import { createPeopleSearch } from "./people";
import { Avatar } from "../../ui/Avatar";
import { departments } from "../company/data";
import { ft } from "./i18n";

export type Pick = { kind: "company" | "department" | "user"; id: string; name: string; hasPhoto?: boolean };

const row = "flex w-full items-center gap-2 rounded px-2 py-1.5 text-left text-[13px] hover:bg-subtle aria-pressed:font-medium";

/** Who sees the post: the whole company, departments and people, as removable chips with a search. */
export function AudiencePicker(props: { value: Pick[]; onChange: (v: Pick[]) => void; companyLocked?: boolean; invalid?: boolean }) {
  const [term, setTerm] = createSignal("");
  const people = createPeopleSearch(term);
  const has = (p: Pick) => props.value.some((v) => v.kind === p.kind && v.id === p.id);
  const toggle = (p: Pick) => props.onChange(has(p) ? props.value.filter((v) => !(v.kind === p.kind && v.id === p.id)) : [...props.value, p]);
  const depts = () => (departments() ?? []).filter((d) => d.name.toLowerCase().includes(term().toLowerCase())).slice(0, 8);
  const company: Pick = { kind: "company", id: "all", name: "" };

  const Option = (o: { pick: Pick; icon: () => unknown; label: string; hint?: string; disabled?: boolean }) => (
    <button type="button" class={`${row} disabled:opacity-50`} aria-pressed={has(o.pick)} disabled={o.disabled} onClick={() => toggle(o.pick)} data-audience-option={o.label}>
      {o.icon() as never}
      <span class="min-w-0 flex-1">
        <span class="block truncate">{o.label}</span>
        <Show when={o.hint}>
          <span class="block truncate text-[11px] font-normal text-muted">{o.hint}</span>
        </Show>
      </span>
      <Show when={has(o.pick)}>
        <Check size={14} class="text-accent" />
      </Show>
    </button>
  );

  return (
    <div class="flex flex-wrap items-center gap-1.5" data-testid="audience">
      <span class="text-[13px] text-muted">{ft("audience.to")}</span>
      <For each={props.value}>
        {(p) => {
          const label = p.kind === "company" ? ft("audience.company") : p.name;
          return (
            <span class="inline-flex h-7 items-center gap-1 rounded-full bg-accent-soft pl-2.5 pr-1 text-[12.5px] font-medium text-accent">
              {label}
              <button type="button" class="rounded-full p-0.5 hover:bg-accent/15" aria-label={ft("audience.remove", { name: label })} onClick={() => toggle(p)}>
                <X size={12} />
              </button>
            </span>
          );
        }}
      </For>
      <Popover placement="bottom-start" gutter={6} onOpenChange={(o) => o || setTerm("")}>
        <Popover.Trigger
          class={`inline-flex h-7 items-center gap-1 rounded-full border border-dashed px-2.5 text-[12.5px] text-muted hover:border-accent hover:text-accent ${props.invalid ? "border-danger text-danger" : "border-line-strong"}`}
          data-testid="audience-add"
        >
          <Plus size={13} /> {props.value.length ? ft("audience.add") : ft("audience.none")}
        </Popover.Trigger>
        <Popover.Portal>
          <Popover.Content class="k-card z-50 w-72 p-1.5 shadow-pop outline-none" aria-label={ft("audience.add")}>
            <input
              type="search"
              class="k-input mb-1 h-8 text-[13px]"
              placeholder={ft("audience.search")}
              aria-label={ft("audience.search")}
              data-testid="audience-search"
              onInput={(e) => setTerm(e.currentTarget.value.trim())}
            />
            <div class="max-h-72 overflow-y-auto">
              <Option pick={company} icon={() => <Globe size={15} class="text-muted" />} label={ft("audience.company")} hint={props.companyLocked ? ft("audience.companyLocked") : ft("audience.companyHint")} disabled={props.companyLocked && !has(company)} />
              <Show when={depts().length}>
                <div class="px-2 pb-0.5 pt-2 text-[11px] font-semibold uppercase tracking-wide text-muted">{ft("audience.departments")}</div>
                <For each={depts()}>{(d) => <Option pick={{ kind: "department", id: d.id, name: d.name }} icon={() => <Building size={15} class="text-muted" />} label={d.name} />}</For>
              </Show>
              <Show when={people()?.length}>
                <div class="px-2 pb-0.5 pt-2 text-[11px] font-semibold uppercase tracking-wide text-muted">{ft("audience.people")}</div>
                <For each={people()}>
                  {(u) => <Option pick={{ kind: "user", id: u.id, name: u.name, hasPhoto: u.hasPhoto }} icon={() => <Avatar id={u.id} name={u.name} hasPhoto={u.hasPhoto} size="xs" />} label={u.name} hint={u.position} />}
                </For>
              </Show>
              <Show when={!depts().length && people() && !people()!.length}>
                <p class="px-2 py-3 text-center text-[13px] text-muted">{ft("audience.noMatch")}</p>
              </Show>
            </div>
          </Popover.Content>
        </Popover.Portal>
      </Popover>
    </div>
  );
}
