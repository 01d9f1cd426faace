import { createSignal } from "solid-js";
import { createLoader } from "../loader";
import { Combobox as K } from "@kobalte/core/combobox";
import UserPlus from "lucide-solid/icons/user-plus";
import { api, call } from "../../../lib/api";
import { Avatar } from "../../../ui/Avatar";
import { usePortalMount } from "../../../ui/portal-mount";
import { t } from "../i18n";
import type { Person } from "./model";

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
      itemComponent={(p) => (
        <K.Item item={p.item} class="flex cursor-default items-center gap-2 rounded px-2 py-1.5 outline-none data-[highlighted]:bg-subtle">
          <Avatar id={p.item.rawValue.id} name={p.item.rawValue.name} hasPhoto={p.item.rawValue.hasPhoto} size="xs" />
          <K.ItemLabel class="min-w-0 flex-1">
            <span class="block truncate text-[13px]">{p.item.rawValue.name}</span>
            <span class="block truncate text-[11px] text-muted">{p.item.rawValue.position || p.item.rawValue.email}</span>
          </K.ItemLabel>
        </K.Item>
      )}
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
