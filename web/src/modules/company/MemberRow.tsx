import { Show } from "solid-js";
import { A } from "@solidjs/router";
import { createDraggable } from "@thisbeyond/solid-dnd";
import GripVertical from "lucide-solid/icons/grip-vertical";
import ArrowRightLeft from "lucide-solid/icons/arrow-right-left";
import { t } from "../../lib/i18n";
import { isAdmin } from "../../lib/session";
import { Avatar } from "../../ui/Avatar";
import { Badge } from "../../ui/Badge";
import type { Person } from "./data";

/** A member of the selected department: an administrator drags it by the handle, or uses "Move to…". */
export function MemberRow(props: { person: Person; isHead: boolean; onMoveClick: () => void }) {
  const draggable = createDraggable(`user:${props.person.id}`, { person: props.person });
  return (
    <li ref={draggable.ref} class={`flex items-center gap-3 px-3 py-2 ${draggable.isActiveDraggable ? "opacity-40" : ""}`} data-member={props.person.name}>
      <Show when={isAdmin()}>
        <span
          {...draggable.dragActivators}
          class="cursor-grab touch-none rounded p-1 text-muted hover:bg-subtle active:cursor-grabbing"
          title={t("company.dragToMove")}
          aria-hidden="true"
          data-testid="drag-handle"
        >
          <GripVertical size={16} />
        </span>
      </Show>
      <A href={`/company/people/${props.person.id}`} class="flex min-w-0 flex-1 items-center gap-3">
        <Avatar id={props.person.id} name={props.person.name} hasPhoto={props.person.hasPhoto} presence={props.person.presence} />
        <span class="min-w-0">
          <span class="flex items-center gap-2">
            <span class="truncate font-medium">{props.person.name}</span>
            <Show when={props.isHead}>
              <Badge tone="warning">{t("company.head")}</Badge>
            </Show>
          </span>
          <span class="block truncate text-[12px] text-muted">{props.person.position || props.person.email}</span>
        </span>
      </A>
      <Show when={isAdmin()}>
        <button
          type="button"
          class="inline-flex h-8 items-center gap-1.5 rounded-md px-2 text-[13px] text-muted hover:bg-subtle hover:text-fg"
          onClick={() => props.onMoveClick()}
          aria-label={t("company.moveTo", { name: props.person.name })}
          data-testid="move-button"
        >
          <ArrowRightLeft size={14} />
          <span class="hidden sm:inline">{t("company.moveShort")}</span>
        </button>
      </Show>
    </li>
  );
}
