import { For, Show, createSignal, createUniqueId, onMount } from "solid-js";
import Bold from "lucide-solid/icons/bold";
import Italic from "lucide-solid/icons/italic";
import List from "lucide-solid/icons/list";
import ListOrdered from "lucide-solid/icons/list-ordered";
import Link from "lucide-solid/icons/link";
import { Avatar } from "../../ui/Avatar";
import { ft } from "./i18n";
import { RICH, clean } from "./RichText";
import { createMentions, mentionIds } from "./mentions";
import { LinkForm } from "./LinkForm";

export type EditorHandle = { focus: () => void; clear: () => void; html: () => string; mentions: () => string[] };

const TOOLS = [
  { cmd: "bold", icon: Bold, key: "editor.bold" },
  { cmd: "italic", icon: Italic, key: "editor.italic" },
  { cmd: "insertUnorderedList", icon: List, key: "editor.bullets" },
  { cmd: "insertOrderedList", icon: ListOrdered, key: "editor.numbers" },
] as const;

/** A small rich-text editor: bold, italic, lists, links and @mentions. The server sanitizes what it sends. */
export function Editor(props: { initial?: string; placeholder?: string; onChange?: (empty: boolean) => void; onSubmit?: () => void; ref?: (h: EditorHandle) => void; minHeight?: string }) {
  let el!: HTMLDivElement;
  const id = createUniqueId();
  const [empty, setEmpty] = createSignal(!props.initial);
  const [linking, setLinking] = createSignal<Range | null>(null);
  const changed = () => {
    const e = !el.textContent?.trim() && !el.querySelector("[data-mention]");
    setEmpty(e);
    props.onChange?.(e);
  };
  const m = createMentions(() => el, changed);
  const exec = (cmd: string, value?: string) => {
    el.focus();
    document.execCommand(cmd, false, value);
    changed();
  };
  const html = () => (empty() ? "" : el.innerHTML.replace(/<a ([^>]*?)contenteditable="false"/g, "<a $1").trim());
  const handle: EditorHandle = {
    focus: () => el.focus(),
    clear: () => ((el.innerHTML = ""), changed()),
    html,
    mentions: () => mentionIds(el),
  };

  onMount(() => {
    if (props.initial) el.innerHTML = clean(props.initial);
    for (const a of el.querySelectorAll("a[data-mention]")) a.setAttribute("contenteditable", "false");
    props.ref?.(handle);
  });

  const openLink = () => {
    const sel = getSelection();
    setLinking(sel && sel.rangeCount && el.contains(sel.anchorNode) ? sel.getRangeAt(0).cloneRange() : null);
    if (!linking()) {
      const r = document.createRange();
      r.selectNodeContents(el);
      r.collapse(false);
      setLinking(r);
    }
  };
  const addLink = (url: string) => {
    const r = linking()!;
    setLinking(null);
    el.focus();
    const sel = getSelection()!;
    sel.removeAllRanges();
    sel.addRange(r);
    if (r.collapsed) exec("insertHTML", `<a href="${url.replace(/"/g, "&quot;")}">${url.replace(/</g, "&lt;")}</a>&nbsp;`);
    else exec("createLink", url);
  };

  return (
    <div class="rounded-md border border-line-strong bg-surface focus-within:border-accent focus-within:ring-2 focus-within:ring-accent/25">
      <div role="toolbar" aria-label={ft("editor.toolbar")} aria-controls={id} class="flex items-center gap-0.5 border-b border-line px-1.5 py-1">
        <For each={TOOLS}>
          {(tool) => (
            <button type="button" class="rounded p-1.5 text-muted hover:bg-subtle hover:text-fg" aria-label={ft(tool.key)} title={ft(tool.key)} onMouseDown={(e) => e.preventDefault()} onClick={() => exec(tool.cmd)}>
              <tool.icon size={15} />
            </button>
          )}
        </For>
        <button type="button" class="rounded p-1.5 text-muted hover:bg-subtle hover:text-fg" aria-label={ft("editor.link")} title={ft("editor.link")} aria-expanded={!!linking()} onMouseDown={(e) => e.preventDefault()} onClick={openLink}>
          <Link size={15} />
        </button>
        <span class="ml-auto hidden pr-1 text-[11.5px] text-muted sm:inline">{ft("editor.hint")}</span>
      </div>
      <Show when={linking()}>
        <LinkForm onAdd={addLink} onCancel={() => (setLinking(null), el.focus())} />
      </Show>
      <div class="relative">
        <Show when={empty() && props.placeholder}>
          <span class="pointer-events-none absolute left-3 top-2 text-muted/80" aria-hidden="true">{props.placeholder}</span>
        </Show>
        <div
          ref={el}
          id={id}
          role="textbox"
          aria-multiline="true"
          aria-label={props.placeholder ?? ft("composer.editorLabel")}
          aria-autocomplete="list"
          aria-controls={m.open() ? `${id}-mentions` : undefined}
          aria-activedescendant={m.open() ? `${id}-m${m.active()}` : undefined}
          contentEditable
          data-testid="post-editor"
          class={`${RICH} max-h-96 overflow-y-auto px-3 py-2 outline-none`}
          style={{ "min-height": props.minHeight ?? "5rem" }}
          onFocus={() => document.execCommand("defaultParagraphSeparator", false, "p")}
          onInput={() => (changed(), m.check())}
          onKeyDown={(e) => {
            if (m.onKeyDown(e)) return;
            if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) (e.preventDefault(), props.onSubmit?.());
          }}
          onBlur={() => setTimeout(m.close, 150)}
        />
        <Show when={m.open()}>
          <ul id={`${id}-mentions`} role="listbox" aria-label={ft("editor.mentions")} class="k-card absolute z-30 w-64 p-1 shadow-pop" style={{ top: `${m.at()!.top}px`, left: `${m.at()!.left}px` }}>
            <For each={m.people()}>
              {(p, i) => (
                <li
                  id={`${id}-m${i()}`}
                  role="option"
                  aria-selected={i() === m.active()}
                  class="flex cursor-default items-center gap-2 rounded px-2 py-1.5 aria-selected:bg-subtle"
                  onMouseDown={(e) => (e.preventDefault(), m.pick(p))}
                  onMouseEnter={() => m.setActive(i())}
                >
                  <Avatar id={p.id} name={p.name} hasPhoto={p.hasPhoto} size="xs" />
                  <span class="min-w-0">
                    <span class="block truncate text-[13px]">{p.name}</span>
                    <span class="block truncate text-[11px] text-muted">{p.position}</span>
                  </span>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </div>
    </div>
  );
}
