import { Show, createUniqueId, splitProps, type JSX } from "solid-js";

type Bound = { name: string; value: () => string; error: () => string | undefined; onInput: (v: string) => void; onBlur: () => void };

export type FieldProps = Omit<JSX.InputHTMLAttributes<HTMLInputElement>, "onInput" | "onBlur" | "value"> & {
  label: string;
  hint?: JSX.Element;
  field: Bound;
  suffix?: JSX.Element;
};

/** A labelled input bound to a form field; its error is announced and linked by aria-describedby. */
export function Field(props: FieldProps) {
  const [own, rest] = splitProps(props, ["label", "hint", "field", "suffix", "class"]);
  const id = createUniqueId();
  return (
    <div class={own.class}>
      <label for={id} class="k-label">
        {own.label}
      </label>
      <div class="flex items-center gap-2">
        <input
          id={id}
          name={own.field.name}
          class="k-input"
          value={own.field.value()}
          aria-invalid={own.field.error() ? "true" : "false"}
          aria-describedby={`${id}-hint ${id}-err`}
          onInput={(e) => own.field.onInput(e.currentTarget.value)}
          onBlur={() => own.field.onBlur()}
          {...rest}
        />
        {own.suffix}
      </div>
      <Show when={own.hint && !own.field.error()}>
        <p id={`${id}-hint`} class="mt-1 text-[12px] text-muted">
          {own.hint}
        </p>
      </Show>
      <p id={`${id}-err`} role="alert" class="mt-1 text-[12px] text-danger empty:hidden">
        {own.field.error() ?? ""}
      </p>
    </div>
  );
}

/** An error for the whole form (not tied to one field). */
export function FormError(props: { message?: string }) {
  return (
    <Show when={props.message}>
      <div role="alert" class="rounded-md border border-danger/30 bg-danger-soft px-3 py-2 text-[13px] text-danger">
        {props.message}
      </div>
    </Show>
  );
}
