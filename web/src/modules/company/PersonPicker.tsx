import { Show, createEffect, createResource, createSignal } from "solid-js";
import { Combobox as K } from "@kobalte/core/combobox";
import X from "lucide-solid/icons/x";
import { t } from "../../lib/i18n";
import { api, call } from "../../lib/api";
import type { Person } from "./data";
import { usePortalMount } from "../../ui/portal-mount";
import { PersonOption } from "../../ui/PersonOption";

/** Search-as-you-type over active employees (dismissed people are never offered). */
export function PersonPicker(props: { label: string; value: string; valueName?: string; onChange: (id: string, name: string) => void; error?: string }) {
  const [term, setTerm] = createSignal("");
  const [results] = createResource(
    () => ({ q: term() }),
    async ({ q }) => (await call(api.people.users.$get({ query: { q: q || undefined, limit: "20" } }))).items,
  );
  const [current] = createResource(
    () => (props.value && !props.valueName ? props.value : false),
    async (id) => (await call(api.people.users[":id"].$get({ param: { id } }))).user,
  );
  const [selected, setSelected] = createSignal<Person | null>(null);
  createEffect(() => {
    if (!props.value) setSelected(null);
    else if (current.latest) setSelected(current.latest);
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const search = (v: string) => {
    clearTimeout(timer);
    timer = setTimeout(() => setTerm(v.trim()), 200);
  };
  return (
    <K<Person>
      options={results.latest ?? []}
      optionValue="id"
      optionTextValue="name"
      optionLabel="name"
      value={selected()}
      onChange={(p) => {
        setSelected(p);
        props.onChange(p?.id ?? "", p?.name ?? "");
      }}
      onInputChange={search}
      defaultFilter={() => true}
      triggerMode="focus"
      placeholder={t("company.searchPerson")}
      validationState={props.error ? "invalid" : "valid"}
      gutter={4}
      itemComponent={(p) => <PersonOption item={p.item} />}
    >
      <K.Label class="k-label">{props.label}</K.Label>
      <K.Control class="k-input flex items-center gap-1 pr-1 focus-within:border-accent focus-within:ring-2 focus-within:ring-accent/25">
        <K.Input class="h-full min-w-0 flex-1 bg-transparent outline-none" data-testid="person-picker" />
        <Show when={selected()}>
          <button
            type="button"
            class="rounded p-1 text-muted hover:bg-subtle"
            aria-label={t("company.clearPerson")}
            onClick={() => {
              setSelected(null);
              props.onChange("", "");
            }}
          >
            <X size={14} />
          </button>
        </Show>
      </K.Control>
      <Show when={props.error}>
        <K.ErrorMessage class="mt-1 text-[12px] text-danger">{props.error}</K.ErrorMessage>
      </Show>
      <K.Portal mount={usePortalMount()}>
        {/* Keep the focus in the input while picking with the mouse (inside a dialog, a click would focus the dialog). */}
        <K.Content class="k-card z-[60] max-h-72 overflow-y-auto p-1 shadow-pop" onMouseDown={(e: MouseEvent) => e.preventDefault()}>
          <K.Listbox class="outline-none" />
        </K.Content>
      </K.Portal>
    </K>
  );
}
