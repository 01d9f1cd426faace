import { Show, createEffect, createMemo, createResource, createSignal, onMount } from "solid-js";
import { DragDropProvider, DragDropSensors, DragOverlay, mostIntersecting, type DragEvent } from "@thisbeyond/solid-dnd";
import GripVertical from "lucide-solid/icons/grip-vertical";
import { t } from "../../lib/i18n";
import { api, call } from "../../lib/api";
import { isAdmin } from "../../lib/session";
import { toast, toastError } from "../../lib/toast";
import { ListSkeleton } from "../../ui/Skeleton";
import { Avatar } from "../../ui/Avatar";
import { buildTree, departments, mutateDepartments, moveMember, reloadDepartments, type Person } from "./data";
import { DeptTree } from "./DeptTree";
import { DeptPanel } from "./DeptPanel";

/** STRUCT-1: the department tree; an administrator moves people by dragging them onto a department. */
export default function Structure() {
  const [selected, setSelected] = createSignal<string | null>(null);
  onMount(() => void reloadDepartments());
  const tree = createMemo(() => buildTree(departments() ?? []));
  createEffect(() => {
    const list = departments();
    if (list?.length && !list.some((d) => d.id === selected())) setSelected(tree()[0]?.dept.id ?? null);
  });
  const [members, { mutate: setMembers, refetch: reloadMembers }] = createResource(selected, async (id) =>
    (await call(api.people.users.$get({ query: { departmentId: id, limit: "200" } }))).items,
  );

  /** Optimistic: the person leaves the list and the counts change at once; undone if the server refuses. */
  async function move(person: Person, toId: string) {
    const fromId = person.departmentId;
    if (!toId || toId === fromId) return;
    const beforeMembers = members();
    const beforeDepts = departments();
    setMembers((l) => l?.filter((p) => p.id !== person.id));
    mutateDepartments((l) => l?.map((d) => (d.id === toId ? { ...d, employeeCount: d.employeeCount + 1 } : d.id === fromId ? { ...d, employeeCount: Math.max(0, d.employeeCount - 1) } : d)));
    try {
      await moveMember(toId, person.id);
      toast(t("company.moved", { name: person.name, department: departments()?.find((d) => d.id === toId)?.name ?? "" }), "success");
      void reloadDepartments();
    } catch (e) {
      setMembers(beforeMembers);
      mutateDepartments(beforeDepts);
      toastError(e);
    }
  }

  const onDragEnd = ({ draggable, droppable }: DragEvent) => {
    if (!droppable) return;
    const person = (draggable.data as { person: Person }).person;
    void move(person, String(droppable.id).replace(/^dept:/, ""));
  };

  return (
    <DragDropProvider onDragEnd={onDragEnd} collisionDetector={mostIntersecting}>
      <DragDropSensors />
      <div class="flex h-full flex-col md:flex-row">
        <section class="shrink-0 border-b border-line bg-surface md:w-80 md:overflow-y-auto md:border-b-0 md:border-r" aria-label={t("company.departments")}>
          <div class="flex items-center justify-between px-4 pb-1 pt-3">
            <h2 class="text-[12px] font-semibold uppercase tracking-wider text-muted">{t("company.departments")}</h2>
          </div>
          <Show when={departments()} fallback={<ListSkeleton rows={4} />}>
            <DeptTree nodes={tree()} selected={selected()} onSelect={setSelected} />
          </Show>
          <Show when={isAdmin()}>
            <p class="px-4 pb-3 pt-1 text-[12px] text-muted">{t("company.dragHint")}</p>
          </Show>
        </section>
        <section class="min-w-0 flex-1 overflow-y-auto">
          <Show when={departments()?.find((d) => d.id === selected())}>
            {(dept) => (
              <DeptPanel
                dept={dept()}
                members={members.latest}
                loading={members.loading}
                onSelect={setSelected}
                onMove={move}
                onChanged={() => {
                  void reloadDepartments();
                  void reloadMembers();
                }}
              />
            )}
          </Show>
        </section>
      </div>
      <DragOverlay>
        {(d) => (
          <Show when={d}>
            <div class="k-card flex w-56 items-center gap-2 px-2.5 py-1.5 shadow-pop" data-testid="drag-overlay">
              <GripVertical size={14} class="text-muted" />
              <Avatar id={(d!.data as { person: Person }).person.id} name={(d!.data as { person: Person }).person.name} size="xs" />
              <span class="truncate text-[13px] font-medium">{(d!.data as { person: Person }).person.name}</span>
            </div>
          </Show>
        )}
      </DragOverlay>
    </DragDropProvider>
  );
}
