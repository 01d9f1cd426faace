import { Show } from "solid-js";
import { Select as K } from "@kobalte/core/select";
import ChevronsUpDown from "lucide-solid/icons/chevrons-up-down";
import Check from "lucide-solid/icons/check";
import { usePortalMount } from "./portal-mount";

export interface Option {
  value: string;
  label: string;
  disabled?: boolean;
}

/** A labelled single-choice select (Kobalte): keyboard, typeahead and screen readers included. */
export function Select(props: {
  label: string;
  hideLabel?: boolean;
  options: Option[];
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
  class?: string;
  name?: string;
  error?: string;
  testId?: string;
}) {
  const selected = () => props.options.find((o) => o.value === props.value) ?? null;
  return (
    <K<Option>
      class={props.class}
      options={props.options}
      optionValue="value"
      optionTextValue="label"
      optionDisabled="disabled"
      value={selected()}
      onChange={(o) => o && props.onChange(o.value)}
      disabled={props.disabled}
      name={props.name}
      validationState={props.error ? "invalid" : "valid"}
      gutter={4}
      itemComponent={(p) => (
        <K.Item item={p.item} class="flex h-8 cursor-default select-none items-center justify-between gap-2 rounded px-2 text-[13px] outline-none data-[disabled]:opacity-50 data-[highlighted]:bg-subtle">
          <K.ItemLabel>{p.item.rawValue.label}</K.ItemLabel>
          <K.ItemIndicator>
            <Check size={14} class="text-accent" />
          </K.ItemIndicator>
        </K.Item>
      )}
    >
      <K.Label class={props.hideLabel ? "sr-only" : "k-label"}>{props.label}</K.Label>
      <K.Trigger class="k-input flex items-center justify-between gap-2 text-left disabled:opacity-60" data-testid={props.testId}>
        <K.Value<Option> class="truncate">{(s) => s.selectedOption()?.label}</K.Value>
        <K.Icon>
          <ChevronsUpDown size={14} class="text-muted" />
        </K.Icon>
      </K.Trigger>
      <Show when={props.error}>
        <K.ErrorMessage class="mt-1 text-[12px] text-danger">{props.error}</K.ErrorMessage>
      </Show>
      <K.Portal mount={usePortalMount()}>
        <K.Content class="k-card z-[60] max-h-72 overflow-y-auto p-1 shadow-pop">
          <K.Listbox class="outline-none" />
        </K.Content>
      </K.Portal>
    </K>
  );
}
