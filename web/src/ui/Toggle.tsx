import { Show } from "solid-js";
import { Switch as K } from "@kobalte/core/switch";

/** An on/off switch with a label and an optional description. */
export function Toggle(props: { label: string; description?: string; checked: boolean; onChange: (v: boolean) => void; disabled?: boolean; testId?: string }) {
  return (
    <K checked={props.checked} onChange={props.onChange} disabled={props.disabled} class="flex items-start justify-between gap-4 data-[disabled]:opacity-60" data-testid={props.testId}>
      <div>
        <K.Label class="text-[13.5px] font-medium">{props.label}</K.Label>
        <Show when={props.description}>
          <K.Description class="text-[12.5px] text-muted">{props.description}</K.Description>
        </Show>
      </div>
      <K.Input class="peer" />
      <K.Control class="mt-0.5 inline-flex h-5 w-9 shrink-0 items-center rounded-full bg-line-strong p-0.5 transition-colors data-[checked]:bg-accent peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-[var(--k-focus)]">
        <K.Thumb class="h-4 w-4 rounded-full bg-white shadow transition-transform data-[checked]:translate-x-4" />
      </K.Control>
    </K>
  );
}
