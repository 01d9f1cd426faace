import { createMemo } from "solid-js";
import { Combobox as K } from "@kobalte/core/combobox";
import ChevronsUpDown from "lucide-solid/icons/chevrons-up-down";
import Check from "lucide-solid/icons/check";
import { timeZones } from "../lib/format";
import { usePortalMount } from "./portal-mount";

/** A searchable list of the IANA time zones ("Berl" finds Europe/Berlin). */
export function TimeZonePicker(props: { label: string; value: string; onChange: (tz: string) => void; testId?: string }) {
  const zones = createMemo(() => timeZones());
  return (
    <K<string>
      options={zones()}
      value={props.value}
      onChange={(v) => v && props.onChange(v)}
      defaultFilter="contains"
      gutter={4}
      itemComponent={(p) => (
        <K.Item item={p.item} class="flex h-8 cursor-default items-center justify-between rounded px-2 text-[13px] outline-none data-[highlighted]:bg-subtle">
          <K.ItemLabel>{p.item.rawValue.replace(/_/g, " ")}</K.ItemLabel>
          <K.ItemIndicator>
            <Check size={14} class="text-accent" />
          </K.ItemIndicator>
        </K.Item>
      )}
    >
      <K.Label class="k-label">{props.label}</K.Label>
      <K.Control class="k-input flex items-center gap-1 pr-1 focus-within:border-accent focus-within:ring-2 focus-within:ring-accent/25">
        <K.Input class="h-full min-w-0 flex-1 bg-transparent outline-none" data-testid={props.testId} />
        <K.Trigger class="rounded p-1 text-muted hover:bg-subtle">
          <K.Icon>
            <ChevronsUpDown size={14} />
          </K.Icon>
        </K.Trigger>
      </K.Control>
      <K.Portal mount={usePortalMount()}>
        {/* Keep the focus in the input while picking with the mouse (inside a dialog, a click would focus the dialog). */}
        <K.Content class="k-card z-[60] max-h-72 overflow-y-auto p-1 shadow-pop" onMouseDown={(e: MouseEvent) => e.preventDefault()}>
          <K.Listbox class="outline-none" />
        </K.Content>
      </K.Portal>
    </K>
  );
}
