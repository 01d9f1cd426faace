import { Show } from "solid-js";
import { useNavigate } from "@solidjs/router";
import { t, tOr } from "../../lib/i18n";
import { formatRelative } from "../../lib/format";

export interface Note {
  id: string;
  type: string;
  data: Record<string, unknown>;
  createdAt: string;
  readAt?: string | null;
}

/** Where a notification leads, by its type. */
function target(n: Note): string | null {
  if (n.type === "seats_exhausted") return "/admin/business-users";
  if (n.type === "registration_pending") return "/admin/people?status=pending_approval";
  const userId = n.data.userId;
  return typeof userId === "string" ? `/company/people/${userId}` : null;
}

function text(n: Note): string {
  const args = Object.fromEntries(Object.entries(n.data).filter(([, v]) => typeof v === "string" || typeof v === "number")) as Record<string, string | number>;
  return tOr(`notifications.types.${n.type}`, t("notifications.generic"), args);
}

export function NotificationItem(props: { note: Note; onRead: () => void; onNavigate: () => void }) {
  const navigate = useNavigate();
  const open = () => {
    props.onRead();
    const to = target(props.note);
    if (to) {
      props.onNavigate();
      navigate(to);
    }
  };
  return (
    <li>
      <button type="button" onClick={open} class={`flex w-full gap-3 px-4 py-3 text-left hover:bg-subtle ${props.note.readAt ? "" : "bg-accent-soft/40"}`}>
        <span class={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${props.note.readAt ? "bg-transparent" : "bg-accent"}`} aria-hidden="true" />
        <span class="min-w-0 flex-1">
          <span class="block text-[13px] leading-5">{text(props.note)}</span>
          <span class="mt-0.5 block text-[12px] text-muted">
            {formatRelative(props.note.createdAt)}
            <Show when={!props.note.readAt}>
              <span class="sr-only"> · {t("notifications.unread")}</span>
            </Show>
          </span>
        </span>
      </button>
    </li>
  );
}
