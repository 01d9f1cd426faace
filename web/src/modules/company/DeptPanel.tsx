import { For, Show, createSignal } from "solid-js";
import { A } from "@solidjs/router";
import Plus from "lucide-solid/icons/plus";
import Pencil from "lucide-solid/icons/pencil";
import Trash2 from "lucide-solid/icons/trash";
import UsersRound from "lucide-solid/icons/users-round";
import Crown from "lucide-solid/icons/crown";
import { t, tp } from "../../lib/i18n";
import { isAdmin } from "../../lib/session";
import { Button } from "../../ui/Button";
import { ListSkeleton } from "../../ui/Skeleton";
import { EmptyState } from "../../ui/EmptyState";
import { Avatar } from "../../ui/Avatar";
import { departments, type Department, type Person } from "./data";
import { MemberRow } from "./MemberRow";
import { DeptDialog } from "./DeptDialog";
import { DeleteDeptDialog } from "./DeleteDeptDialog";
import { MoveDialog } from "./MoveDialog";
import { useHead } from "./useHead";

/** The selected department: its head, its people (draggable), and the administrator's actions. */
export function DeptPanel(props: {
  dept: Department;
  members: Person[] | undefined;
  loading: boolean;
  onSelect: (id: string) => void;
  onMove: (p: Person, toId: string) => Promise<void>;
  onChanged: () => void;
}) {
  const [dialog, setDialog] = createSignal<"create" | "edit" | "delete" | null>(null);
  const [moving, setMoving] = createSignal<Person | null>(null);
  const head = useHead(() => props.dept.headUserId);
  const parent = () => departments()?.find((d) => d.id === props.dept.parentId);
  return (
    <div class="p-4 md:p-6">
      <div class="flex flex-wrap items-start gap-3">
        <div class="min-w-0 flex-1">
          <Show when={parent()}>
            <button type="button" class="text-[12px] text-muted hover:text-accent" onClick={() => props.onSelect(parent()!.id)}>
              {parent()!.name} ›
            </button>
          </Show>
          <h2 class="truncate text-lg font-semibold" data-testid="dept-title">
            {props.dept.name}
          </h2>
          <p class="text-[13px] text-muted">{tp("company.employeesCount", props.dept.employeeCount)}</p>
        </div>
        <Show when={isAdmin()}>
          <div class="flex flex-wrap gap-2">
            <Button size="sm" onClick={() => setDialog("create")} data-testid="dept-add">
              <Plus size={15} /> {t("company.addSub")}
            </Button>
            <Button size="sm" onClick={() => setDialog("edit")} data-testid="dept-edit">
              <Pencil size={14} /> {t("common.edit")}
            </Button>
            <Show when={props.dept.parentId}>
              <Button size="sm" variant="dangerGhost" onClick={() => setDialog("delete")} aria-label={t("company.deleteDept")}>
                <Trash2 size={14} />
              </Button>
            </Show>
          </div>
        </Show>
      </div>

      <div class="k-card mt-4 flex items-center gap-3 px-4 py-3">
        <Crown size={16} class="text-warning" />
        <span class="text-[13px] text-muted">{t("company.head")}</span>
        <Show when={head()} fallback={<span class="text-[13px] text-muted">{t("company.noHead")}</span>}>
          <A href={`/company/people/${head()!.id}`} class="flex min-w-0 items-center gap-2 hover:text-accent">
            <Avatar id={head()!.id} name={head()!.name} hasPhoto={head()!.hasPhoto} size="xs" />
            <span class="truncate font-medium">{head()!.name}</span>
            <span class="hidden truncate text-[13px] text-muted sm:inline">{head()!.position}</span>
          </A>
        </Show>
      </div>

      <div class="k-card mt-4">
        <div class="flex items-center justify-between border-b border-line px-4 py-2.5">
          <h3 class="font-semibold">{t("company.members")}</h3>
        </div>
        <Show when={!props.loading || props.members} fallback={<ListSkeleton rows={3} />}>
          <Show when={props.members?.length} fallback={<EmptyState icon={<UsersRound size={22} />} title={t("company.noMembers")} text={isAdmin() ? t("company.noMembersAdmin") : undefined} />}>
            <ul class="divide-y divide-line" data-testid="dept-members">
              <For each={props.members}>{(p) => <MemberRow person={p} isHead={p.id === props.dept.headUserId} onMoveClick={() => setMoving(p)} />}</For>
            </ul>
          </Show>
        </Show>
      </div>

      <DeptDialog mode={dialog() === "create" ? "create" : "edit"} open={dialog() === "create" || dialog() === "edit"} dept={props.dept} onClose={() => setDialog(null)} onSaved={props.onChanged} onCreated={props.onSelect} />
      <DeleteDeptDialog open={dialog() === "delete"} dept={props.dept} onClose={() => setDialog(null)} onDeleted={() => (props.onSelect(props.dept.parentId ?? ""), props.onChanged())} />
      <MoveDialog person={moving()} onClose={() => setMoving(null)} onMove={props.onMove} />
    </div>
  );
}
