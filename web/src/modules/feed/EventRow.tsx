import { Show } from "solid-js";
import { A } from "@solidjs/router";
import CalendarDays from "lucide-solid/icons/calendar-days";
import ListChecks from "lucide-solid/icons/list-checks";
import File from "lucide-solid/icons/file";
import Handshake from "lucide-solid/icons/handshake";
import Activity from "lucide-solid/icons/activity";
import { Avatar } from "../../ui/Avatar";
import { formatDateTime } from "../../lib/format";
import type { Post } from "./api";
import { useFeed } from "./context";
import { TimeAgo } from "./TimeAgo";
import { ft } from "./i18n";

const KINDS: Record<string, { icon: typeof Activity; path: string; key: string; tone: string }> = {
  event: { icon: CalendarDays, path: "/calendar/event/", key: "eventId", tone: "bg-accent-soft text-accent" },
  task: { icon: ListChecks, path: "/tasks?task=", key: "taskId", tone: "bg-success-soft text-success" },
  file: { icon: File, path: "/drive?file=", key: "fileId", tone: "bg-subtle text-muted" },
  deal: { icon: Handshake, path: "/crm?deal=", key: "dealId", tone: "bg-warning-soft text-warning" },
};

/** A module's event (task, calendar, drive, CRM) as a compact activity row leading to the thing. */
export function EventRow(props: { post: Post }) {
  const { store } = useFeed();
  const p = () => props.post;
  const kind = () => KINDS[(p().eventType ?? "").split(".")[0]] ?? { icon: Activity, path: "", key: "", tone: "bg-subtle text-muted" };
  const verb = () => {
    const v = (ft as unknown as (k: string) => string | undefined)(`events.${p().eventType}`);
    return typeof v === "string" ? v : ft("events.other");
  };
  const link = () => {
    const id = (p().eventData as Record<string, unknown> | null)?.[kind().key];
    return typeof id === "string" && kind().path ? `${kind().path}${encodeURIComponent(id)}` : null;
  };
  const start = () => {
    const v = (p().eventData as Record<string, unknown> | null)?.start;
    return typeof v === "string" ? v : null;
  };
  const Icon = () => {
    const I = kind().icon;
    return <I size={16} />;
  };
  return (
    <article class={`k-card flex items-start gap-3 px-4 py-3 ${store.flashes().has(p().id) ? "ring-2 ring-warning/50" : ""}`} data-post-id={p().id} data-testid="feed-event">
      <span class={`mt-0.5 rounded-full p-2 ${kind().tone}`} aria-hidden="true">
        <Icon />
      </span>
      <div class="min-w-0 flex-1 text-[13.5px] leading-5">
        <p>
          <A href={`/company/people/${p().author.id}`} class="inline-flex items-center gap-1.5 align-bottom font-semibold hover:underline">
            <Avatar id={p().author.id} name={p().author.name} hasPhoto={p().author.hasPhoto} size="xs" />
            {p().author.name}
          </A>{" "}
          <span class="text-muted">{verb()}</span>{" "}
          <Show when={link()} fallback={<span class="font-medium">{p().title}</span>}>
            <A href={link()!} class="font-medium text-accent hover:underline">
              {p().title}
            </A>
          </Show>
        </p>
        <p class="mt-0.5 text-[12px] text-muted">
          <TimeAgo iso={p().createdAt} />
          <Show when={start()}>
            <span> · {ft("events.starts", { when: formatDateTime(start()!) })}</span>
          </Show>
        </p>
      </div>
    </article>
  );
}
