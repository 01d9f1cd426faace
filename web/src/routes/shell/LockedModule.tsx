import { Show } from "solid-js";
import { A } from "@solidjs/router";
import Lock from "lucide-solid/icons/lock";
import { t } from "../../lib/i18n";
import { isAdmin } from "../../lib/session";
import type { ModuleName } from "../../lib/session";
import { PageHeader } from "../../ui/PageHeader";

/** A locked module explains itself: why it is closed and what to do; never an error page. */
export function LockedModule(props: { module: ModuleName; reason: "no_business_seat" | "extranet" }) {
  const name = () => t(`modules.${props.module}.name`);
  return (
    <div>
      <PageHeader title={name()} subtitle={t(`modules.${props.module}.tagline`)} />
      <div class="mx-auto max-w-2xl p-4 md:p-8">
        <section class="k-card p-6 md:p-8" data-testid="locked-module" aria-labelledby="locked-title">
          <div class="flex items-start gap-3">
            <span class="rounded-lg bg-warning-soft p-2.5 text-warning">
              <Lock size={22} />
            </span>
            <div>
              <h2 id="locked-title" class="text-base font-semibold">
                {t(props.reason === "extranet" ? "locked.extranetTitle" : "locked.seatTitle", { module: name() })}
              </h2>
              <p class="mt-2 leading-6">{t(props.reason === "extranet" ? "locked.extranetText" : "locked.seatText", { module: name() })}</p>
            </div>
          </div>
          <Show when={props.reason === "no_business_seat"}>
            <div class="mt-5 rounded-md bg-subtle p-4 text-[13px] leading-6">
              <p class="font-medium">{t("locked.stillYoursTitle")}</p>
              <p class="text-muted">{t("locked.stillYoursText")}</p>
            </div>
            <p class="mt-4 text-[13px] text-muted">{isAdmin() ? t("locked.adminHint") : t("locked.askAdmin")}</p>
            <Show when={isAdmin()}>
              <div class="mt-4 flex flex-wrap gap-2">
                <A href="/admin/business-users" class="inline-flex h-9 items-center rounded-md bg-accent px-3.5 font-medium text-accent-fg hover:bg-accent-hover">
                  {t("locked.manageSeats")}
                </A>
                <A href="/admin/plan" class="inline-flex h-9 items-center rounded-md border border-line-strong px-3.5 font-medium hover:bg-subtle">
                  {t("locked.changePlan")}
                </A>
              </div>
            </Show>
          </Show>
        </section>
      </div>
    </div>
  );
}
