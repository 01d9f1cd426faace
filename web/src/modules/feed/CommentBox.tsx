import { Show, createSignal, onMount } from "solid-js";
import Send from "lucide-solid/icons/send";
import { ft } from "./i18n";

/** A growing plain-text box: Enter sends, Shift+Enter breaks the line, Escape cancels an edit. */
export function CommentBox(props: { initial?: string; submitLabel: string; onSubmit: (text: string) => Promise<boolean>; onCancel?: () => void; focusRef?: (focus: () => void) => void }) {
  let ta!: HTMLTextAreaElement;
  const [text, setText] = createSignal(props.initial ?? "");
  const grow = () => ((ta.style.height = "auto"), (ta.style.height = `${Math.min(ta.scrollHeight, 200)}px`));
  onMount(() => {
    props.focusRef?.(() => ta.focus());
    grow();
    if (props.initial !== undefined) ta.focus();
  });
  const send = async () => {
    const v = text().trim();
    if (!v) return;
    setText("");
    queueMicrotask(grow);
    if (!(await props.onSubmit(v))) setText(v);
  };
  return (
    <div class="flex min-w-0 flex-1 items-end gap-1 rounded-2xl border border-line-strong bg-surface py-1 pl-3 pr-1 focus-within:border-accent focus-within:ring-2 focus-within:ring-accent/25">
      <textarea
        ref={ta}
        rows={1}
        class="min-h-7 flex-1 resize-none bg-transparent py-1 text-[13.5px] leading-5 outline-none placeholder:text-muted/80"
        placeholder={ft("comments.placeholder")}
        aria-label={ft("comments.label")}
        maxLength={10_000}
        value={text()}
        onInput={(e) => (setText(e.currentTarget.value), grow())}
        onKeyDown={(e) => {
          if (e.key === "Enter" && !e.shiftKey && !e.isComposing) (e.preventDefault(), void send());
          if (e.key === "Escape" && props.onCancel) (e.preventDefault(), props.onCancel());
        }}
        data-testid="comment-input"
      />
      <Show when={text().trim()}>
        <button type="button" class="rounded-full p-1.5 text-accent hover:bg-accent-soft" aria-label={props.submitLabel} title={props.submitLabel} onClick={() => void send()} data-testid="comment-send">
          <Send size={15} />
        </button>
      </Show>
    </div>
  );
}
