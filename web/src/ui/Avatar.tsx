import { Show, createSignal } from "solid-js";
import { initials } from "../lib/format";

const sizes = { xs: "h-6 w-6 text-[10px]", sm: "h-8 w-8 text-[11px]", md: "h-10 w-10 text-[13px]", lg: "h-20 w-20 text-2xl", xl: "h-28 w-28 text-3xl" };
const palette = ["#2456d6", "#0f7b6c", "#9b4dca", "#c2410c", "#0e7490", "#be185d", "#4d7c0f", "#6d28d9"];

function colorOf(seed: string) {
  let h = 0;
  for (const c of seed) h = (h * 31 + c.charCodeAt(0)) | 0;
  return palette[Math.abs(h) % palette.length];
}

/** A person's photo, or their initials on a colour derived from their id; optional presence dot. */
export function Avatar(props: {
  id: string;
  name: string;
  hasPhoto?: boolean;
  size?: keyof typeof sizes;
  presence?: "online" | "away" | "offline";
  version?: number;
}) {
  const [failed, setFailed] = createSignal(false);
  return (
    <span class={`relative inline-flex shrink-0 ${sizes[props.size ?? "sm"]}`}>
      <Show
        when={props.hasPhoto && !failed()}
        fallback={
          <span
            class="inline-flex h-full w-full select-none items-center justify-center rounded-full font-semibold text-white"
            style={{ "background-color": colorOf(props.id) }}
            aria-hidden="true"
          >
            {initials(props.name)}
          </span>
        }
      >
        <img
          src={`/api/v1/people/users/${encodeURIComponent(props.id)}/photo${props.version ? `?v=${props.version}` : ""}`}
          alt=""
          class="h-full w-full rounded-full object-cover"
          onError={() => setFailed(true)}
        />
      </Show>
      <Show when={props.presence}>
        <span
          class={`absolute bottom-0 right-0 block h-[28%] max-h-3.5 min-h-2 w-[28%] max-w-3.5 min-w-2 rounded-full ring-2 ring-surface ${
            props.presence === "online" ? "bg-success" : props.presence === "away" ? "bg-warning" : "bg-line-strong"
          }`}
        />
      </Show>
    </span>
  );
}
