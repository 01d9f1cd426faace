import { Show, type JSX } from "solid-js";

export function EmptyState(props: { icon?: JSX.Element; title: string; text?: string; action?: JSX.Element }) {
  return (
    <div class="flex flex-col items-center justify-center px-6 py-12 text-center">
      <Show when={props.icon}>
        <div class="mb-3 rounded-full bg-subtle p-3 text-muted">{props.icon}</div>
      </Show>
      <h3 class="text-[15px] font-semibold">{props.title}</h3>
      <Show when={props.text}>
        <p class="mt-1 max-w-md text-muted">{props.text}</p>
      </Show>
      <Show when={props.action}>
        <div class="mt-4">{props.action}</div>
      </Show>
    </div>
  );
}
