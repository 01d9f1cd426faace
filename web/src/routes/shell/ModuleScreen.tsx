import { For, Match, Switch } from "solid-js";
import { useParams } from "@solidjs/router";
import CircleCheck from "lucide-solid/icons/circle-check";
import PowerOff from "lucide-solid/icons/power-off";
import { t } from "../../lib/i18n";
import { MODULE_ICONS, accessOf } from "../../lib/modules";
import type { ModuleName } from "../../lib/session";
import { PageHeader } from "../../ui/PageHeader";
import { LockedModule } from "./LockedModule";

/** A module that has not landed yet: what it will do, honestly, in the user's language. */
function ComingSoon(props: { module: ModuleName }) {
  const Icon = MODULE_ICONS[props.module];
  const points = () => [1, 2, 3].map((i) => t(`modules.${props.module}.point${i as 1 | 2 | 3}`));
  return (
    <div>
      <PageHeader title={t(`modules.${props.module}.name`)} subtitle={t(`modules.${props.module}.tagline`)} />
      <div class="mx-auto max-w-2xl p-4 md:p-8">
        <div class="k-card p-6 md:p-8" data-testid="coming-soon">
          <div class="flex items-center gap-3">
            <span class="rounded-lg bg-accent-soft p-2.5 text-accent">
              <Icon size={22} />
            </span>
            <div>
              <h2 class="text-base font-semibold">{t("shell.comingSoonTitle", { module: t(`modules.${props.module}.name`) })}</h2>
              <p class="text-[13px] text-muted">{t("shell.comingSoonText")}</p>
            </div>
          </div>
          <p class="mt-5 leading-6">{t(`modules.${props.module}.description`)}</p>
          <ul class="mt-4 space-y-2">
            <For each={points()}>
              {(p) => (
                <li class="flex gap-2.5">
                  <CircleCheck size={16} class="mt-0.5 shrink-0 text-success" />
                  <span>{p}</span>
                </li>
              )}
            </For>
          </ul>
        </div>
      </div>
    </div>
  );
}

function SwitchedOff(props: { module: ModuleName }) {
  return (
    <div class="mx-auto max-w-xl p-4 md:p-8">
      <div class="k-card p-8 text-center">
        <PowerOff size={28} class="mx-auto text-muted" />
        <h1 class="mt-3 text-base font-semibold">{t("shell.switchedOffTitle", { module: t(`modules.${props.module}.name`) })}</h1>
        <p class="mt-2 text-muted">{t("shell.switchedOffText")}</p>
      </div>
    </div>
  );
}

export function ModuleScreen() {
  const params = useParams<{ module: ModuleName }>();
  const access = () => accessOf(params.module);
  return (
    <Switch fallback={<ComingSoon module={params.module} />}>
      <Match when={!access()}>
        <SwitchedOff module={params.module} />
      </Match>
      <Match when={access()?.locked}>
        <LockedModule module={params.module} reason={access()!.locked!} />
      </Match>
    </Switch>
  );
}
