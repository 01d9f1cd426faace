import { For, Show } from "solid-js";
import { DropdownMenu as M } from "@kobalte/core/dropdown-menu";
import SmilePlus from "lucide-solid/icons/face-slightly-smiling-plus";
import Reply from "lucide-solid/icons/reply";
import Ellipsis from "lucide-solid/icons/ellipsis";
import Pencil from "lucide-solid/icons/pencil";
import Trash2 from "lucide-solid/icons/trash";
import Pin from "lucide-solid/icons/pin";
import PinOff from "lucide-solid/icons/pin-off";
import Copy from "lucide-solid/icons/copy";
import { toast } from "../../../lib/toast";
import { QUICK_REACTIONS } from "../data/text";
import type { ChatMessage } from "../data/types";
import { useChat } from "./context";
import { t } from "../i18n";

const btn = "inline-flex h-7 w-7 items-center justify-center rounded-md text-muted hover:bg-subtle hover:text-fg data-[expanded]:bg-subtle";
const item = "flex h-8 cursor-default select-none items-center gap-2.5 rounded px-2 text-[13px] outline-none data-[highlighted]:bg-subtle";

/** The toolbar that appears over a message on hover or keyboard focus: react, reply, and the rest. */
export function MessageActions(props: { m: ChatMessage; mine: boolean }) {
  const ctx = useChat();
  const copy = () => void navigator.clipboard?.writeText(props.m.text).then(() => toast(t("message.copied"), "success"));
  return (
    <div
      class={`absolute top-1/2 z-10 flex -translate-y-1/2 items-center gap-0.5 rounded-lg border border-line bg-surface p-0.5 opacity-0 shadow-card transition-opacity focus-within:opacity-100 group-hover/msg:opacity-100 has-[[data-expanded]]:opacity-100 ${
        props.mine ? "right-full mr-2" : "left-full ml-2"
      }`}
      role="toolbar"
      aria-label={t("message.actions")}
    >
      <M gutter={4} placement="top">
        <M.Trigger class={btn} aria-label={t("message.react")} title={t("message.react")} data-testid="react-button">
          <SmilePlus size={15} />
        </M.Trigger>
        <M.Portal>
          <M.Content class="k-card z-50 flex gap-0.5 p-1 shadow-pop outline-none">
            <For each={QUICK_REACTIONS}>
              {(e) => (
                <M.Item class="flex h-8 w-8 cursor-default items-center justify-center rounded text-[18px] outline-none data-[highlighted]:bg-subtle" onSelect={() => ctx.react(props.m, e)} data-testid="reaction-option">
                  {e}
                </M.Item>
              )}
            </For>
          </M.Content>
        </M.Portal>
      </M>
      <button type="button" class={btn} aria-label={t("message.reply")} title={t("message.reply")} onClick={() => ctx.setReplyTo(props.m)} data-testid="reply-button">
        <Reply size={15} />
      </button>
      <M gutter={4} placement="bottom-end">
        <M.Trigger class={btn} aria-label={t("chat.more")} title={t("chat.more")} data-testid="message-more">
          <Ellipsis size={15} />
        </M.Trigger>
        <M.Portal>
          <M.Content class="k-card z-50 min-w-44 p-1 shadow-pop outline-none">
            <Show when={props.mine}>
              <M.Item class={item} onSelect={() => ctx.setEditing(props.m)} data-testid="edit-message">
                <Pencil size={14} class="text-muted" /> {t("message.edit")}
              </M.Item>
            </Show>
            <M.Item class={item} onSelect={() => ctx.togglePin(props.m)} data-testid="pin-message">
              {props.m.pinned ? <PinOff size={14} class="text-muted" /> : <Pin size={14} class="text-muted" />} {props.m.pinned ? t("message.unpin") : t("message.pin")}
            </M.Item>
            <M.Item class={item} onSelect={copy}>
              <Copy size={14} class="text-muted" /> {t("message.copy")}
            </M.Item>
            <Show when={props.mine}>
              <M.Item class={`${item} text-danger`} onSelect={() => ctx.askDelete(props.m)} data-testid="delete-message">
                <Trash2 size={14} /> {t("message.delete")}
              </M.Item>
            </Show>
          </M.Content>
        </M.Portal>
      </M>
    </div>
  );
}
