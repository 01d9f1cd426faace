import { Show, createSignal } from "solid-js";
import { initials } from "../lib/format";

/** The portal's uploaded logo, or its initials when it has none. */
export function PortalLogo(props: { name: string; hasLogo?: boolean; version?: number; class?: string }) {
  const [failed, setFailed] = createSignal(false);
  return (
    <Show
      when={props.hasLogo !== false && !failed()}
      fallback={
        <span class={`inline-flex items-center justify-center rounded-md bg-accent font-bold text-accent-fg ${props.class ?? "h-8 w-8 text-[13px]"}`} aria-hidden="true">
          {initials(props.name)}
        </span>
      }
    >
      <img
        src={`/api/v1/portal/logo${props.version ? `?v=${props.version}` : ""}`}
        alt=""
        class={`object-contain ${props.class ?? "h-8 w-8"}`}
        onError={() => setFailed(true)}
      />
    </Show>
  );
}
