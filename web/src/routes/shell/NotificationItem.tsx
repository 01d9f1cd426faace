import { Show } from "solid-js";
import { useNavigate } from "@solidjs/router";
import { t } from "../../lib/i18n";
import { noteTarget, noteText } from "../../lib/live-i18n";
import { formatRelative } from "../../lib/format";

export interface Note {
  id: string;
  type: string;
  data: Record<string, unknown>;
  createdAt: string;
  readAt?: string | null;
}

/** Where a notification leads and what it says, by its type (lib/live-i18n knows every type). */
const target = noteTarget;
const text = noteText;

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
