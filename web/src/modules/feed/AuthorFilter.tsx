import { Show, createSignal } from "solid-js";
import { Combobox as K } from "@kobalte/core/combobox";
import X from "lucide-solid/icons/x";
import { createPeopleSearch, type PersonHit as Person } from "./people";
import { ft } from "./i18n";
import { PersonOption } from "../../ui/PersonOption";

/** "Author": search as you type over the portal's people. */
export function AuthorFilter(props: { id?: string; name?: string; onChange: (id?: string, name?: string) => void }) {
  const [term, setTerm] = createSignal("");
  const people = createPeopleSearch(term);
  const selected = () => (props.id ? { id: props.id, name: props.name ?? "", hasPhoto: false, position: "" } : null);
  return (
    <K<Person>
      class="w-48"
      options={people() ?? []}
      optionValue="id"
      optionTextValue="name"
      optionLabel="name"
      value={selected()}
      onChange={(p) => props.onChange(p?.id, p?.name)}
      onInputChange={(v) => setTerm(v.trim())}
      defaultFilter={() => true}
      triggerMode="focus"
      placeholder={ft("filters.anyAuthor")}
      gutter={4}
      itemComponent={(p) => <PersonOption item={p.item} />}
    >
      <K.Label class="sr-only">{ft("filters.author")}</K.Label>
      <K.Control class="k-input flex h-9 items-center gap-1 pr-1 focus-within:border-accent focus-within:ring-2 focus-within:ring-accent/25">
        <K.Input class="h-full min-w-0 flex-1 bg-transparent text-[13px] outline-none" data-testid="filter-author" />
        <Show when={props.id}>
          <button type="button" class="rounded p-1 text-muted hover:bg-subtle" aria-label={ft("filters.clear")} onClick={() => props.onChange()}>
            <X size={13} />
          </button>
        </Show>
      </K.Control>
      <K.Portal>
        <K.Content class="k-card z-[60] max-h-72 w-64 overflow-y-auto p-1 shadow-pop" onMouseDown={(e: MouseEvent) => e.preventDefault()}>
          <K.Listbox class="outline-none" />
        </K.Content>
      </K.Portal>
    </K>
  );
}
