import { createSignal, onCleanup } from "solid-js";
import { formatDateTime, formatRelative } from "../../lib/format";

const [now, setNow] = createSignal(Date.now());
let users = 0;
let timer: ReturnType<typeof setInterval> | undefined;

/** "5 min ago" that keeps itself current (one shared minute clock), the full date and time on hover. */
export function TimeAgo(props: { iso: string; class?: string }) {
  if (users++ === 0) timer = setInterval(() => setNow(Date.now()), 30_000);
  onCleanup(() => {
    if (--users === 0) clearInterval(timer);
  });
  return (
    <time datetime={props.iso} title={formatDateTime(props.iso)} class={props.class}>
      {formatRelative(props.iso, now())}
    </time>
  );
}
