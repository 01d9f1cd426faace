import { Combobox as K } from "@kobalte/core/combobox";
import type { CollectionNode } from "@kobalte/core";
import { Avatar } from "./Avatar";

export interface PersonOptionData {
  id: string;
  name: string;
  hasPhoto: boolean;
  position?: string | null;
  email?: string;
}

/** One person in a search-as-you-type list: photo, name, and their position (or e-mail) below. */
export function PersonOption(props: { item: CollectionNode<PersonOptionData> }) {
  const person = () => props.item.rawValue;
  return (
    <K.Item item={props.item} class="flex cursor-default items-center gap-2 rounded px-2 py-1.5 outline-none data-[highlighted]:bg-subtle">
      <Avatar id={person().id} name={person().name} hasPhoto={person().hasPhoto} size="xs" />
      <K.ItemLabel class="min-w-0 flex-1">
        <span class="block truncate text-[13px]">{person().name}</span>
        <span class="block truncate text-[11px] text-muted">{person().position || person().email || ""}</span>
      </K.ItemLabel>
    </K.Item>
  );
}
