import { Show, type JSX } from "solid-js";

export function InfoRow(props: { label: string; icon?: JSX.Element; children: JSX.Element }) {
  return (
    <div class="grid grid-cols-[8.5rem_1fr] gap-2 text-[13.5px]">
      <dt class="flex items-center gap-1.5 text-muted">
        <Show when={props.icon}>{props.icon}</Show>
        {props.label}
      </dt>
      <dd class="min-w-0">{props.children}</dd>
    </div>
  );
}
