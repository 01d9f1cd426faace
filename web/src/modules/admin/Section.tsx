import { Show, type JSX } from "solid-js";
import Lock from "lucide-solid/icons/lock";

/** A titled block of the settings page; `locked` explains a plan limit instead of hiding the setting. */
export function Section(props: { id: string; title: string; description?: string; locked?: string; children: JSX.Element }) {
  return (
    <section id={props.id} class="k-card" aria-labelledby={`${props.id}-h`}>
      <div class="border-b border-line px-5 py-3">
        <h2 id={`${props.id}-h`} class="flex items-center gap-2 font-semibold">
          {props.title}
          <Show when={props.locked}>
            <Lock size={13} class="text-muted" />
          </Show>
        </h2>
        <Show when={props.description}>
          <p class="mt-0.5 text-[13px] text-muted">{props.description}</p>
        </Show>
      </div>
      <div class="space-y-4 px-5 py-4">
        <Show when={props.locked}>
          <p class="rounded-md bg-warning-soft px-3 py-2 text-[13px] text-warning" data-testid={`${props.id}-locked`}>
            {props.locked}
          </p>
        </Show>
        {props.children}
      </div>
    </section>
  );
}

/** A plain labelled input for settings (not bound to a createForm). */
export function SettingInput(props: { id: string; label: string; value: string; onInput: (v: string) => void; error?: string; type?: string; hint?: string; disabled?: boolean; placeholder?: string }) {
  return (
    <div>
      <label for={props.id} class="k-label">{props.label}</label>
      <input
        id={props.id}
        type={props.type ?? "text"}
        class="k-input disabled:bg-subtle"
        value={props.value}
        disabled={props.disabled}
        placeholder={props.placeholder}
        aria-invalid={props.error ? "true" : "false"}
        aria-describedby={`${props.id}-msg`}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
      <p id={`${props.id}-msg`} class={`mt-1 text-[12px] empty:hidden ${props.error ? "text-danger" : "text-muted"}`} role={props.error ? "alert" : undefined}>
        {props.error ?? props.hint ?? ""}
      </p>
    </div>
  );
}
