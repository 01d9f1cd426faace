import { t } from "../../../lib/i18n";
import { formatNumber } from "../../../lib/format";
import type { SeatOverview } from "../data";

function Stat(props: { label: string; value: number; hint?: string; tone?: string }) {
  return (
    <div class="k-card px-4 py-3">
      <div class="text-[12px] text-muted">{props.label}</div>
      <div class={`mt-0.5 text-xl font-semibold tabular-nums ${props.tone ?? ""}`}>{formatNumber(props.value)}</div>
      {props.hint ? <div class="text-[12px] text-muted">{props.hint}</div> : null}
    </div>
  );
}

/** Seats used of the plan's limit, and where the taken ones went. */
export function SeatSummary(props: { data: SeatOverview }) {
  const pct = () => Math.min(100, Math.round((props.data.used / Math.max(1, props.data.limit)) * 100));
  return (
    <div class="space-y-3">
      <div class="k-card p-4">
        <div class="flex items-baseline justify-between gap-2">
          <span class="font-medium">{t("admin.seats.used")}</span>
          <span class="tabular-nums" data-testid="seats-used">
            {t("admin.seats.usedOf", { used: formatNumber(props.data.used), limit: formatNumber(props.data.limit) })}
          </span>
        </div>
        <div class="mt-2 h-2 overflow-hidden rounded-full bg-subtle" role="progressbar" aria-valuemin={0} aria-valuemax={props.data.limit} aria-valuenow={props.data.used} aria-label={t("admin.seats.used")}>
          <div class={`h-full rounded-full ${props.data.used > props.data.limit ? "bg-danger" : "bg-accent"}`} style={{ width: `${pct()}%` }} />
        </div>
      </div>
      <div class="grid gap-3 sm:grid-cols-3">
        <Stat label={t("admin.seats.heldPending")} value={props.data.pendingHolders.length} hint={t("admin.seats.heldPendingHint")} />
        <Stat label={t("admin.seats.heldDismissed")} value={props.data.dismissedHolders.length} hint={t("admin.seats.heldDismissedHint")} />
        <Stat label={t("admin.seats.withoutSeat")} value={props.data.usersWithoutSeat} hint={t("admin.seats.withoutSeatHint")} tone={props.data.usersWithoutSeat ? "text-warning" : ""} />
      </div>
    </div>
  );
}
