import { Show, createSignal } from "solid-js";
import Funnel from "lucide-solid/icons/funnel";
import AtSign from "lucide-solid/icons/at-sign";
import X from "lucide-solid/icons/x";
import { Select } from "../../ui/Select";
import { departments, departmentOptions } from "../company/data";
import { AuthorFilter } from "./AuthorFilter";
import { ft } from "./i18n";

/** The filters as they live in the address (shareable, kept on reload). */
export type FilterParams = { author?: string; authorName?: string; type?: string; dept?: string; from?: string; to?: string; mentions?: string; post?: string };
type SetParams = (p: Partial<Record<keyof FilterParams, string | undefined>>) => void;

export const hasFilters = (p: FilterParams) => !!(p.author || p.type || p.dept || p.from || p.to || p.mentions);

const date = "k-input h-9 w-[9.5rem] text-[13px]";

/** The toolbar's filters: author, type, department, date range and "mentions me". */
export function FeedFilters(props: { params: FilterParams; set: SetParams }) {
  const p = () => props.params;
  // Below 768 px the filters fold behind one button, so the posts start near the top.
  const [open, setOpen] = createSignal(false);
  const count = () => [p().author, p().type, p().dept, p().from, p().to, p().mentions].filter(Boolean).length;
  return (
    <>
      <button type="button" class="mt-2 inline-flex h-8 items-center gap-1.5 rounded-md border border-line-strong px-2.5 text-[13px] font-medium md:hidden" aria-expanded={open()} onClick={() => setOpen(!open())}>
        <Funnel size={14} /> {ft("filters.label")}
        <Show when={count()}>
          <span class="rounded-full bg-accent px-1.5 text-[11px] leading-4 text-accent-fg">{count()}</span>
        </Show>
      </button>
      <div class={`mt-3 flex-wrap items-center gap-2 ${open() ? "flex" : "hidden md:flex"}`} role="group" aria-label={ft("filters.label")} data-testid="feed-filters">
        <AuthorFilter id={p().author} name={p().authorName} onChange={(id, name) => props.set({ author: id, authorName: name })} />
        <Select
          label={ft("filters.type")}
          hideLabel
          class="w-36"
          value={p().type ?? "all"}
          onChange={(v) => props.set({ type: v === "all" ? undefined : v })}
          options={[
            { value: "all", label: ft("filters.all") },
            { value: "post", label: ft("filters.posts") },
            { value: "event", label: ft("filters.events") },
          ]}
          testId="filter-type"
        />
        <Select
          label={ft("filters.department")}
          hideLabel
          class="w-48"
          value={p().dept ?? "all"}
          onChange={(v) => props.set({ dept: v === "all" ? undefined : v })}
          options={[{ value: "all", label: ft("filters.anyDepartment") }, ...departmentOptions(departments() ?? [])]}
          testId="filter-department"
        />
        <label class="flex items-center gap-1.5 text-[13px] text-muted">
          {ft("filters.from")}
          <input type="date" class={date} value={p().from ?? ""} max={p().to} onChange={(e) => props.set({ from: e.currentTarget.value || undefined })} />
        </label>
        <label class="flex items-center gap-1.5 text-[13px] text-muted">
          {ft("filters.to")}
          <input type="date" class={date} value={p().to ?? ""} min={p().from} onChange={(e) => props.set({ to: e.currentTarget.value || undefined })} />
        </label>
        <button
          type="button"
          class={`inline-flex h-9 items-center gap-1.5 rounded-md border px-3 text-[13px] font-medium ${p().mentions ? "border-accent bg-accent-soft text-accent" : "border-line-strong text-fg hover:bg-subtle"}`}
          aria-pressed={!!p().mentions}
          onClick={() => props.set({ mentions: p().mentions ? undefined : "1" })}
          data-testid="filter-mentions"
        >
          <AtSign size={14} /> {ft("filters.mentionsMe")}
        </button>
        <Show when={hasFilters(p())}>
          <button type="button" class="inline-flex h-9 items-center gap-1 rounded-md px-2 text-[13px] font-medium text-muted hover:bg-subtle hover:text-fg" onClick={() => props.set({ author: undefined, authorName: undefined, type: undefined, dept: undefined, from: undefined, to: undefined, mentions: undefined })}>
            <X size={14} /> {ft("filters.clear")}
          </button>
        </Show>
      </div>
    </>
  );
}
