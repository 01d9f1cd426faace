import { createSignal } from "solid-js";
import { createPeopleSearch, type PersonHit } from "./people";

export type MentionPerson = PersonHit;
type At = { node: Text; start: number; end: number; top: number; left: number };

const AT = /(?:^|[\s(])@([\p{L}\p{N}._-]{0,30})$/u;

/**
 * "@" mentions in a contenteditable: finds the "@word" before the caret, searches people for it, and
 * replaces it with a mention link the server keeps (<a data-mention="id">).
 */
export function createMentions(editor: () => HTMLElement | undefined, changed: () => void) {
  const [at, setAt] = createSignal<At | null>(null);
  const [term, setTerm] = createSignal<string | null>(null);
  const [active, setActive] = createSignal(0);
  const people = createPeopleSearch(term, 6);

  function close() {
    setAt(null);
    setTerm(null);
  }

  /** After every input: is the caret right after "@something"? */
  function check() {
    const sel = getSelection();
    const root = editor();
    const node = sel?.anchorNode;
    if (!sel || !root || !node || node.nodeType !== Node.TEXT_NODE || !root.contains(node) || !sel.isCollapsed) return close();
    const before = (node.textContent ?? "").slice(0, sel.anchorOffset);
    const m = AT.exec(before);
    if (!m) return close();
    const range = sel.getRangeAt(0).cloneRange();
    const rect = range.getClientRects()[0] ?? (node.parentElement as HTMLElement).getBoundingClientRect();
    const box = root.getBoundingClientRect();
    setAt({ node: node as Text, start: sel.anchorOffset - m[1].length - 1, end: sel.anchorOffset, top: rect.bottom - box.top + 4, left: Math.max(0, Math.min(rect.left - box.left, box.width - 260)) });
    setActive(0);
    setTerm(m[1]);
  }

  function pick(p: MentionPerson) {
    const a = at();
    if (!a) return;
    const range = document.createRange();
    range.setStart(a.node, a.start);
    range.setEnd(a.node, Math.min(a.end, a.node.length));
    range.deleteContents();
    const link = document.createElement("a");
    link.href = `/company/people/${p.id}`;
    link.dataset.mention = p.id;
    link.contentEditable = "false";
    link.textContent = `@${p.name}`;
    const space = document.createTextNode("\u00a0");
    range.insertNode(space);
    range.insertNode(link);
    const sel = getSelection();
    const after = document.createRange();
    after.setStartAfter(space);
    sel?.removeAllRanges();
    sel?.addRange(after);
    close();
    changed();
  }

  /** Arrow keys, Enter/Tab and Escape while the list is open; true when the key was ours. */
  function onKeyDown(e: KeyboardEvent): boolean {
    const list = people() ?? [];
    if (!at() || !list.length) return false;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") setActive((i) => (i + (e.key === "ArrowDown" ? 1 : list.length - 1)) % list.length);
    else if (e.key === "Enter" || e.key === "Tab") pick(list[active()] ?? list[0]);
    else if (e.key === "Escape") close();
    else return false;
    e.preventDefault();
    return true;
  }

  return { at, people, active, setActive, check, pick, close, onKeyDown, open: () => !!at() && !!people()?.length };
}

/** The ids of everyone mentioned in the editor's HTML. */
export function mentionIds(root: HTMLElement): string[] {
  return [...new Set([...root.querySelectorAll<HTMLElement>("[data-mention]")].map((el) => el.dataset.mention!).filter(Boolean))];
}
