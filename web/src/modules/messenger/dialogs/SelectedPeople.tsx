import { For } from "solid-js";
import X from "lucide-solid/icons/x";
import { Avatar } from "../../../ui/Avatar";
import { t } from "../i18n";

/** The people picked so far, as removable chips. */
export function SelectedPeople(props: { people: { id: string; name: string; hasPhoto: boolean }[]; onRemove: (id: string) => void }) {
  return (
    <ul class="flex flex-wrap gap-1.5" aria-label={t("dialogs.members")}>
      <For each={props.people}>
        {(p) => (
          <li class="inline-flex items-center gap-1.5 rounded-full bg-subtle py-0.5 pl-0.5 pr-1 text-[12.5px]">
            <Avatar id={p.id} name={p.name} hasPhoto={p.hasPhoto} size="xs" />
            {p.name}
            <button type="button" class="rounded-full p-0.5 text-muted hover:bg-line hover:text-fg" aria-label={t("dialogs.removeMember", { name: p.name })} onClick={() => props.onRemove(p.id)}>
              <X size={12} />
            </button>
          </li>
        )}
      </For>
    </ul>
  );
}
