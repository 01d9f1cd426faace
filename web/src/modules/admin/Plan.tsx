import { For, Show, createSignal } from "solid-js";
import Check from "lucide-solid/icons/check";
import Minus from "lucide-solid/icons/minus";
import { PLANS, PLAN_LIMITS, type Plan as PlanName, type PlanLimits } from "../../../../worker/modules/portal/plans";
import { t } from "../../lib/i18n";
import { api, call } from "../../lib/api";
import { refreshMe } from "../../lib/session";
import { formatBytes, formatNumber } from "../../lib/format";
import { toast, toastError } from "../../lib/toast";
import { PageHeader } from "../../ui/PageHeader";
import { PageSkeleton } from "../../ui/Skeleton";
import { Button } from "../../ui/Button";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { usePortal } from "./data";

type Row = { key: string; value: (l: PlanLimits) => string | boolean };
const ROWS: Row[] = [
  { key: "businessUsers", value: (l) => formatNumber(l.businessUsers) },
  { key: "storage", value: (l) => formatBytes(l.storageBytes) },
  { key: "guestEvents", value: (l) => (l.guestEvents === null ? t("admin.plan.unlimited") : t("admin.plan.perPortal", { n: l.guestEvents })) },
  { key: "extranet", value: (l) => l.extranet },
  { key: "timeTracking", value: (l) => l.timeTracking },
  { key: "workflows", value: (l) => l.workflows },
  { key: "customDomain", value: (l) => l.customDomain },
  { key: "invitationText", value: (l) => l.customInvitationText },
];

/** PLAN-1 and PLAN-6: the plans side by side; a change applies at once, a downgrade only locks. */
export default function Plan() {
  const [portal, { mutate }] = usePortal();
  const [target, setTarget] = createSignal<PlanName | null>(null);
  const current = () => portal()?.portal.plan as PlanName | undefined;
  const change = async () => {
    try {
      mutate(await call(api.portal.plan.$put({ json: { plan: target()! } })));
      await refreshMe();
      toast(t("admin.plan.changed", { plan: t(`plans.${target()!}`) }), "success");
    } catch (e) {
      toastError(e);
    }
  };
  const cell = (v: string | boolean) =>
    typeof v === "boolean" ? (v ? <Check size={16} class="mx-auto text-success" aria-label={t("common.yes")} /> : <Minus size={16} class="mx-auto text-muted" aria-label={t("common.no")} />) : v;
  const isDowngrade = () => target() && current() && PLANS.indexOf(target()!) < PLANS.indexOf(current()!);
  return (
    <Show when={portal()} fallback={<PageSkeleton />}>
      <PageHeader title={t("admin.plan.title")} subtitle={t("admin.plan.current", { plan: t(`plans.${current()!}`) })} />
      <div class="mx-auto max-w-5xl space-y-4 p-4 md:p-6">
        <div class="k-card overflow-x-auto">
          <table class="w-full min-w-[640px] text-[13px]" data-testid="plan-table">
            <thead>
              <tr class="border-b border-line">
                <th class="px-4 py-3 text-left font-medium text-muted" scope="col">{t("admin.plan.feature")}</th>
                <For each={PLANS}>
                  {(p) => (
                    <th scope="col" class={`px-4 py-3 text-center ${p === current() ? "bg-accent-soft" : ""}`} data-plan={p}>
                      <div class="text-[14px] font-semibold">{t(`plans.${p}`)}</div>
                      <Show when={p === current()}>
                        <div class="text-[11px] font-medium text-accent">{t("admin.plan.yourPlan")}</div>
                      </Show>
                    </th>
                  )}
                </For>
              </tr>
            </thead>
            <tbody class="divide-y divide-line">
              <For each={ROWS}>
                {(r) => (
                  <tr>
                    <th scope="row" class="px-4 py-2.5 text-left font-normal">{t(`admin.plan.rows.${r.key as "storage"}`)}</th>
                    <For each={PLANS}>{(p) => <td class={`px-4 py-2.5 text-center tabular-nums ${p === current() ? "bg-accent-soft/60" : ""}`}>{cell(r.value(PLAN_LIMITS[p]))}</td>}</For>
                  </tr>
                )}
              </For>
              <tr>
                <td />
                <For each={PLANS}>
                  {(p) => (
                    <td class={`px-4 py-3 text-center ${p === current() ? "bg-accent-soft/60" : ""}`}>
                      <Show when={p !== current()}>
                        <Button size="sm" variant={PLANS.indexOf(p) > PLANS.indexOf(current()!) ? "primary" : "secondary"} onClick={() => setTarget(p)} data-testid={`plan-${p}`}>
                          {t("admin.plan.switch")}
                        </Button>
                      </Show>
                    </td>
                  )}
                </For>
              </tr>
            </tbody>
          </table>
        </div>
        <p class="text-[13px] text-muted">{t("admin.plan.note")}</p>
      </div>
      <ConfirmDialog
        open={!!target()}
        title={t("admin.plan.confirmTitle", { plan: target() ? t(`plans.${target()!}`) : "" })}
        text={isDowngrade() ? t("admin.plan.downgradeText") : t("admin.plan.upgradeText")}
        confirm={t("admin.plan.switch")}
        onClose={() => setTarget(null)}
        onConfirm={change}
      />
    </Show>
  );
}
