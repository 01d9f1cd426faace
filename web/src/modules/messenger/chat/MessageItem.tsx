import { For, Show } from "solid-js";
import Check from "lucide-solid/icons/check";
import CheckCheck from "lucide-solid/icons/check-check";
import Pin from "lucide-solid/icons/pin";
import Paperclip from "lucide-solid/icons/paperclip";
import { formatTime } from "../../../lib/format";
import { Avatar } from "../../../ui/Avatar";
import { nameOf, person } from "../data/people";
import type { ChatMessage } from "../data/types";
import { useChat } from "./context";
import { MessageText } from "./MessageText";
import { MessageActions } from "./MessageActions";
import { Reactions } from "./Reactions";
import { t, tp } from "../i18n";

/** A stored message: author, quote, text, attachments, time and (for mine) delivered/read ticks. */
export function MessageItem(props: { m: ChatMessage; grouped: boolean; highlight: boolean }) {
  const ctx = useChat();
  const m = () => props.m;
  const mine = () => m().authorId === ctx.me;
  const isGroup = () => ctx.detail().chat.type === "group";
  const readers = () => Object.entries(ctx.room.readSeqs).filter(([u, s]) => u !== ctx.me && s >= m().seq).length;
  const tickLabel = () => (readers() ? (isGroup() ? tp("message.readBy", readers()) : t("message.read")) : t("message.sent"));
  return (
    <div class={`group/msg flex items-end gap-2 ${mine() ? "flex-row-reverse" : ""}`} data-testid="message" data-seq={m().seq} data-mine={mine() ? "1" : "0"}>
      <Show when={!mine()}>
        <div class="w-8 shrink-0 self-start">
          <Show when={!props.grouped}>
            <Avatar id={m().authorId} name={nameOf(m().authorId)} hasPhoto={person(m().authorId)?.hasPhoto} size="sm" />
          </Show>
        </div>
      </Show>
      <div class={`relative flex min-w-0 max-w-[min(78%,640px)] flex-col ${mine() ? "items-end" : "items-start"}`}>
        <Show when={!mine() && !props.grouped && isGroup()}>
          <span class="mb-0.5 ml-1 text-[12px] font-medium text-muted">{nameOf(m().authorId)}</span>
        </Show>
        <div
          class={`relative rounded-2xl px-3 py-1.5 shadow-card transition-colors ${
            mine() ? "rounded-br-md bg-accent-soft" : "rounded-bl-md bg-surface"
          } ${props.highlight ? "ring-2 ring-warning" : ""} ${m().deleted ? "opacity-70" : ""}`}
        >
          <Show when={m().replyTo && !m().deleted}>
            <button
              type="button"
              class="mb-1 block w-full border-l-2 border-accent pl-2 text-left text-[12px] leading-4 hover:opacity-80"
              onClick={() => ctx.jumpTo(m().replyTo!.seq)}
            >
              <span class="block font-medium text-accent">{nameOf(m().replyTo!.authorId)}</span>
              <span class="line-clamp-2 text-muted">{m().replyTo!.excerpt || t("message.deleted")}</span>
            </button>
          </Show>
          <Show when={!m().deleted} fallback={<p class="text-[13px] italic text-muted">{t("message.deleted")}</p>}>
            <MessageText text={m().text} mentions={m().mentions} />
            <For each={m().attachments}>
              {(a) => (
                <div class="mt-1 flex items-center gap-1.5 rounded-md bg-subtle px-2 py-1 text-[12.5px]">
                  <Paperclip size={13} class="text-muted" aria-label={t("message.attachment")} /> <span class="truncate">{a.name}</span>
                </div>
              )}
            </For>
          </Show>
          <div class="-mb-0.5 mt-0.5 flex items-center justify-end gap-1 text-[11px] text-muted">
            <Show when={m().pinned && !m().deleted}>
              <Pin size={11} aria-label={t("chat.pinned")} />
            </Show>
            <Show when={m().editedAt && !m().deleted}>
              <span>{t("message.edited")}</span>
            </Show>
            <time datetime={m().createdAt}>{formatTime(m().createdAt)}</time>
            <Show when={mine() && !m().deleted}>
              <span title={tickLabel()} aria-label={tickLabel()} data-testid="message-status" data-state={readers() ? "read" : "sent"} class={readers() ? "text-accent" : ""}>
                {readers() ? <CheckCheck size={14} /> : <Check size={14} />}
              </span>
            </Show>
          </div>
          <Show when={!m().deleted && ctx.room.live}>
            <MessageActions m={m()} mine={mine()} />
          </Show>
        </div>
        <Reactions m={m()} />
      </div>
    </div>
  );
}
