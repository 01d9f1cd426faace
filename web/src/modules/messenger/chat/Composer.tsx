import { Show, createEffect, createSignal, on } from "solid-js";
import SendHorizontal from "lucide-solid/icons/send-horizontal";
import Paperclip from "lucide-solid/icons/paperclip";
import X from "lucide-solid/icons/x";
import Reply from "lucide-solid/icons/reply";
import Pencil from "lucide-solid/icons/pencil";
import { toast } from "../../../lib/toast";
import { nameOf } from "../data/people";
import { useChat } from "./context";
import { createMentions } from "./mentions";
import { MentionList } from "./MentionList";
import { showFilesNotice } from "./FilesNotice";
import { t } from "../i18n";

const MAX = 10_000;

/** Write, reply, edit: Enter sends, Shift+Enter breaks the line, "@" mentions a member, Esc cancels. */
export function Composer() {
  const ctx = useChat();
  const [text, setText] = createSignal("");
  let area!: HTMLTextAreaElement;
  const mentions = createMentions(() => ctx.detail().members.filter((m) => m.id !== ctx.me && !m.dismissed));
  ctx.setFocusComposer(() => area?.focus());
  const fit = () => {
    area.style.height = "auto";
    area.style.height = `${Math.min(area.scrollHeight, 180)}px`;
  };
  const set = (v: string) => {
    setText(v);
    area.value = v;
    fit();
  };
  createEffect(on(ctx.editing, (m) => set(m ? m.text : ""), { defer: true }));
  const placeholder = () => {
    const c = ctx.detail().chat;
    return c.type === "direct" ? t("composer.placeholderTo", { name: c.title }) : t("composer.placeholder");
  };
  const cancel = () => (ctx.setReplyTo(null), ctx.setEditing(null));

  async function submit() {
    const body = text();
    if (!body.trim() || body.length > MAX) return;
    const editing = ctx.editing();
    if (editing) {
      if (body !== editing.text && !ctx.room.frame({ type: "edit", seq: editing.seq, text: body })) return void toast(t("errors.offline"), "error");
      cancel();
      return set("");
    }
    const replyTo = ctx.replyTo()?.seq;
    const ids = mentions.idsIn(body);
    set("");
    mentions.reset();
    ctx.setReplyTo(null);
    await ctx.room.send(body, { ...(replyTo ? { replyTo } : {}), mentions: ids });
  }

  function onKeyDown(e: KeyboardEvent) {
    if (mentions.query() !== null && mentions.matches().length) {
      if (e.key === "ArrowDown" || e.key === "ArrowUp") return e.preventDefault(), mentions.move(e.key === "ArrowDown" ? 1 : -1);
      if (e.key === "Enter" || e.key === "Tab") return e.preventDefault(), pick(mentions.matches()[mentions.active()]);
    }
    if (e.key === "Escape") return mentions.query() !== null ? mentions.close() : cancel();
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      void submit();
    }
  }

  function pick(c: { id: string; name: string; hasPhoto: boolean }) {
    const r = mentions.insert(text(), area.selectionStart, c);
    set(r.text);
    area.focus();
    area.setSelectionRange(r.caret, r.caret);
  }

  return (
    <div class="relative shrink-0 border-t border-line bg-surface px-3 pb-3 pt-2 md:px-4">
      <Show when={ctx.replyTo() || ctx.editing()}>
        <div class="mb-2 flex items-center gap-2 rounded-md border-l-2 border-accent bg-subtle px-2.5 py-1.5 text-[12.5px]" data-testid="composer-context">
          {ctx.editing() ? <Pencil size={14} class="text-accent" /> : <Reply size={14} class="text-accent" />}
          <div class="min-w-0 flex-1">
            <div class="font-medium text-accent">{ctx.editing() ? t("composer.editing") : t("composer.replying", { name: nameOf(ctx.replyTo()!.authorId) })}</div>
            <div class="truncate text-muted">{(ctx.editing() ?? ctx.replyTo())!.text}</div>
          </div>
          <button type="button" class="rounded p-1 text-muted hover:bg-line" aria-label={t("composer.cancel")} onClick={cancel}>
            <X size={14} />
          </button>
        </div>
      </Show>
      <MentionList mentions={mentions} onPick={pick} />
      <div class="flex items-end gap-2 rounded-xl border border-line-strong bg-surface px-2 py-1.5 focus-within:border-accent focus-within:ring-2 focus-within:ring-accent/25">
        <button type="button" class="mb-0.5 rounded-md p-1.5 text-muted hover:bg-subtle hover:text-fg" aria-label={t("composer.attach")} title={t("composer.attach")} onClick={() => showFilesNotice(0)} data-testid="attach">
          <Paperclip size={18} />
        </button>
        <textarea
          ref={area}
          rows={1}
          class="max-h-[180px] min-h-[32px] flex-1 resize-none bg-transparent py-1.5 text-[13.5px] leading-5 outline-none placeholder:text-muted/70"
          placeholder={placeholder()}
          aria-label={placeholder()}
          aria-autocomplete="list"
          aria-controls={mentions.query() !== null ? "mention-list" : undefined}
          maxLength={MAX}
          onInput={(e) => {
            setText(e.currentTarget.value);
            fit();
            mentions.update(e.currentTarget.value, e.currentTarget.selectionStart);
            if (e.currentTarget.value.trim()) ctx.room.typing();
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setTimeout(mentions.close, 150)}
          data-testid="composer"
        />
        <button
          type="button"
          class="mb-0.5 inline-flex h-8 items-center gap-1.5 rounded-lg bg-accent px-3 text-[13px] font-medium text-accent-fg hover:bg-accent-hover disabled:opacity-40"
          disabled={!text().trim()}
          onClick={() => void submit()}
          aria-label={ctx.editing() ? t("composer.save") : t("composer.send")}
          data-testid="send"
        >
          <SendHorizontal size={16} />
          <span class="hidden sm:inline">{ctx.editing() ? t("composer.save") : t("composer.send")}</span>
        </button>
      </div>
    </div>
  );
}
