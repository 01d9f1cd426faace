import { Show } from "solid-js";
import { lt } from "../../lib/live-i18n";
import { formatNumber } from "../../lib/format";

/** A module's live counter in the navigation: a red pill, or a dot on the icon when the sidebar is collapsed. */
export function CountBadge(props: { count: number; compact: boolean }) {
  const text = () => (props.count > 99 ? "99+" : formatNumber(props.count));
  return (
    <Show when={props.count > 0}>
      <span
        class={`rounded-full bg-danger text-center font-semibold text-white ${
          props.compact ? "absolute ml-5 -mt-4 min-w-4 px-1 text-[9.5px] leading-4" : "min-w-5 px-1.5 text-[11px] leading-5"
        }`}
        data-testid="nav-count"
      >
        <span aria-hidden="true">{text()}</span>
        <span class="sr-only">{lt("badge", { n: props.count })}</span>
      </span>
    </Show>
  );
}
