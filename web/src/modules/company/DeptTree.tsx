import { For, Show, createSignal } from "solid-js";
import { createDroppable } from "@thisbeyond/solid-dnd";
import ChevronRight from "lucide-solid/icons/chevron-right";
import Building2 from "lucide-solid/icons/building";
import FolderTree from "lucide-solid/icons/folder-tree";
import { t, tp } from "../../lib/i18n";
import type { TreeNode } from "./data";

function DeptRow(props: { node: TreeNode; selected: string | null; onSelect: (id: string) => void }) {
  const [open, setOpen] = createSignal(true);
  const droppable = createDroppable(`dept:${props.node.dept.id}`);
  const isSelected = () => props.selected === props.node.dept.id;
  const Icon = props.node.depth === 0 ? Building2 : FolderTree;
  return (
    <li role="treeitem" aria-selected={isSelected()} aria-expanded={props.node.children.length ? open() : undefined}>
      <div
        ref={droppable.ref}
        data-dept={props.node.dept.name}
        data-dept-id={props.node.dept.id}
        class={`mx-2 flex h-9 items-center gap-1 rounded-md pr-2 transition-colors ${
          droppable.isActiveDroppable ? "bg-accent-soft ring-2 ring-accent" : isSelected() ? "bg-subtle" : "hover:bg-subtle/70"
        }`}
        style={{ "padding-left": `${4 + props.node.depth * 16}px` }}
      >
        <button
          type="button"
          tabindex="-1"
          class={`rounded p-0.5 text-muted hover:bg-line ${props.node.children.length ? "" : "invisible"}`}
          aria-label={open() ? t("company.collapse") : t("company.expand")}
          onClick={() => setOpen(!open())}
        >
          <ChevronRight size={14} class={`transition-transform ${open() ? "rotate-90" : ""}`} />
        </button>
        <button type="button" class="flex min-w-0 flex-1 items-center gap-2 text-left" onClick={() => props.onSelect(props.node.dept.id)}>
          <Icon size={15} class={isSelected() ? "text-accent" : "text-muted"} />
          <span class={`flex-1 truncate text-[13.5px] ${isSelected() ? "font-semibold" : ""}`}>{props.node.dept.name}</span>
          <span class="rounded bg-subtle px-1.5 text-[11px] tabular-nums text-muted" aria-label={tp("company.employeesCount", props.node.dept.employeeCount)}>
            {props.node.dept.employeeCount}
          </span>
        </button>
      </div>
      <Show when={open() && props.node.children.length}>
        <ul role="group">
          <For each={props.node.children}>{(c) => <DeptRow node={c} selected={props.selected} onSelect={props.onSelect} />}</For>
        </ul>
      </Show>
    </li>
  );
}

/** The department tree; every row is a drop target for people. */
export function DeptTree(props: { nodes: TreeNode[]; selected: string | null; onSelect: (id: string) => void }) {
  return (
    <ul role="tree" aria-label={t("company.departments")} class="pb-2">
      <For each={props.nodes}>{(n) => <DeptRow node={n} selected={props.selected} onSelect={props.onSelect} />}</For>
    </ul>
  );
}
