import { Show, type JSX } from "solid-js";

/** The toolbar on top of a module page: title, a short description, the primary actions. */
export function PageHeader(props: { title: string; subtitle?: string; actions?: JSX.Element; children?: JSX.Element }) {
  return (
    <div class="border-b border-line bg-surface px-4 py-3 md:px-6">
      <div class="flex flex-wrap items-center gap-3">
        <div class="min-w-0 flex-1">
          <h1 class="truncate text-lg font-semibold tracking-tight">{props.title}</h1>
          <Show when={props.subtitle}>
            <p class="truncate text-[13px] text-muted">{props.subtitle}</p>
          </Show>
        </div>
        <Show when={props.actions}>
          <div class="flex flex-wrap items-center gap-2">{props.actions}</div>
        </Show>
      </div>
      {props.children}
    </div>
  );
}
