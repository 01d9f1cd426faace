import { createSignal } from "solid-js";
import { createLoader } from "../loader";
import { Combobox as K } from "@kobalte/core/combobox";
import UserPlus from "lucide-solid/icons/user-plus";
import { api, call } from "../../../lib/api";
import { usePortalMount } from "../../../ui/portal-mount";
import { t } from "../i18n";
import type { Person } from "./model";
import { PersonOption } from "../../../ui/PersonOption";

type Found = { id: string; name: string; hasPhoto: boolean; position: string | null; email: string };

/** Search as you type over active colleagues; picking one adds them (those already in are not offered). */
export function PeopleSearch(props: { exclude: string[]; onAdd: (p: Person) => void }) {
  const [term, setTerm] = createSignal("");
  let inputEl: HTMLInputElement | undefined;
  const results = createLoader(term, async (q) => (await call(api.people.users.$get({ query: { q: q || undefined, limit: "20" } }))).items as unknown as Found[]);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const options = () => (results.value() ?? []).filter((p) => !props.exclude.includes(p.id));
  return (
    <K<Found>
      options={options()}
      optionValue="id"
      optionTextValue="name"
      optionLabel="name"
      value={null}
      onChange={(p) => {
        if (!p) return;
        props.onAdd({ id: p.id, name: p.name, hasPhoto: p.hasPhoto });
        queueMicrotask(() => inputEl && (inputEl.value = ""));
      }}
      onInputChange={(v) => {
        clearTimeout(timer);
        timer = setTimeout(() => setTerm(v.trim()), 200);
      }}
      defaultFilter={() => true}
      triggerMode="focus"
      placeholder={t("form.addAttendee")}
      gutter={4}
      itemComponent={(p) => <PersonOption item={p.item} />}
    >
      <K.Label class="sr-only">{t("form.addAttendee")}</K.Label>
      <K.Control class="k-input flex items-center gap-2 focus-within:border-accent focus-within:ring-2 focus-within:ring-accent/25">
        <UserPlus size={15} class="shrink-0 text-muted" />
        <K.Input ref={inputEl} class="h-full min-w-0 flex-1 bg-transparent outline-none" data-testid="attendee-search" />
      </K.Control>
      <K.Portal mount={usePortalMount()}>
        <K.Content class="k-card z-[60] max-h-72 overflow-y-auto p-1 shadow-pop" onMouseDown={(e: MouseEvent) => e.preventDefault()}>
          <K.Listbox class="outline-none" />
        </K.Content>
      </K.Portal>
    </K>
  );
}
