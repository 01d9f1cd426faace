import { For, Show, createEffect, createResource, createSignal } from "solid-js";
import CalendarClock from "lucide-solid/icons/calendar-clock";
import TriangleAlert from "lucide-solid/icons/triangle-alert";
import { t, tp } from "../../lib/i18n";
import { ApiError, api, call } from "../../lib/api";
import { errorText, toast, toastError } from "../../lib/toast";
import { PageHeader } from "../../ui/PageHeader";
import { PageSkeleton } from "../../ui/Skeleton";
import { Button } from "../../ui/Button";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { SeatSummary } from "./seats/SeatSummary";
import { SeatHolders } from "./seats/SeatHolders";
import { SeatList } from "./seats/SeatList";
import type { SeatOverview } from "./data";

/** PLAN-3/4/5: who holds the business seats, why some look free but are taken, and the once-a-day rule. */
export default function BusinessUsers() {
  const [data, { mutate, refetch }] = createResource(async () => call(api.portal["business-users"].$get()));
  const [selected, setSelected] = createSignal<Set<string>>(new Set());
  const [confirm, setConfirm] = createSignal(false);
  const [refusal, setRefusal] = createSignal<string | null>(null);
  const [freeing, setFreeing] = createSignal<string | null>(null);
  const reset = (d: SeatOverview) => setSelected(new Set(d.active.filter((u) => u.businessUser).map((u) => u.id)));
  createEffect(() => data() && reset(data()!));

  const available = () => (data() ? data()!.limit - data()!.pendingHolders.length - data()!.dismissedHolders.length : 0);
  const dirty = () => {
    const d = data();
    if (!d) return false;
    const now = selected();
    const before = d.active.filter((u) => u.businessUser).map((u) => u.id);
    return before.length !== now.size || before.some((id) => !now.has(id));
  };
  const toggle = (id: string) => {
    const s = new Set(selected());
    if (s.has(id)) s.delete(id);
    else s.add(id);
    setSelected(s);
  };

  const save = async () => {
    try {
      mutate(await call(api.portal["business-users"].$put({ json: { userIds: [...selected()] } })));
      setRefusal(null);
      toast(t("admin.seats.saved"), "success");
    } catch (e) {
      if (e instanceof ApiError && (e.code === "once_per_day" || e.code === "seat_limit")) setRefusal(errorText(e));
      toastError(e);
    }
  };
  const free = async (userId: string) => {
    setFreeing(userId);
    try {
      mutate(await call(api.portal["business-users"][":userId"].$delete({ param: { userId } })));
      toast(t("admin.seats.freed"), "success");
    } catch (e) {
      toastError(e);
      void refetch();
    } finally {
      setFreeing(null);
    }
  };

  return (
    <Show when={data()} fallback={<PageSkeleton />}>
      <div>
        <PageHeader
          title={t("admin.seats.title")}
          subtitle={t("admin.seats.subtitle")}
          actions={
            <>
              <Button disabled={!dirty()} onClick={() => reset(data()!)}>
                {t("admin.settings.discard")}
              </Button>
              <Button variant="primary" disabled={!dirty() || data()!.changedToday} onClick={() => setConfirm(true)} data-testid="seats-save">
                {t("admin.seats.save")}
              </Button>
            </>
          }
        />
        <div class="mx-auto max-w-4xl space-y-4 p-4 md:p-6">
          <SeatSummary data={data()!} />
          <Show when={data()!.overLimit}>
            <div role="alert" class="flex gap-3 rounded-lg border border-danger/30 bg-danger-soft p-4 text-[13px]">
              <TriangleAlert size={18} class="shrink-0 text-danger" />
              <div>
                <p class="font-medium text-danger">{t("admin.seats.overLimitTitle")}</p>
                <p class="mt-1">{tp("admin.seats.overLimitText", data()!.usersWithoutSeat)}</p>
              </div>
            </div>
          </Show>
          <div class="flex gap-3 rounded-lg border border-line bg-surface p-4 text-[13px]" data-testid="once-per-day">
            <CalendarClock size={18} class="shrink-0 text-accent" />
            <div>
              <p class="font-medium">{t("admin.seats.oncePerDayTitle")}</p>
              <p class="mt-1 text-muted">{data()!.changedToday ? t("admin.seats.changedToday") : t("admin.seats.oncePerDayText")}</p>
            </div>
          </div>
          <Show when={refusal()}>
            <div role="alert" class="rounded-lg border border-warning/40 bg-warning-soft px-4 py-3 text-[13px]" data-testid="seats-refusal">
              {refusal()}
            </div>
          </Show>
          <SeatList data={data()!} selected={selected()} available={available()} onToggle={toggle} disabled={data()!.changedToday} />
          <SeatHolders title={t("admin.seats.pendingTitle")} text={t("admin.seats.pendingText")} people={data()!.pendingHolders} freeing={freeing()} onFree={free} />
          <SeatHolders title={t("admin.seats.dismissedTitle")} text={t("admin.seats.dismissedText")} people={data()!.dismissedHolders} freeing={freeing()} onFree={free} />
        </div>
        <ConfirmDialog
          open={confirm()}
          title={t("admin.seats.confirmTitle")}
          text={t("admin.seats.confirmText")}
          confirm={t("admin.seats.save")}
          onClose={() => setConfirm(false)}
          onConfirm={save}
        />
      </div>
    </Show>
  );
}
