import PowerOff from "lucide-solid/icons/power-off";
import { t } from "../../lib/i18n";

/** The administrator switched the feed off: say so, as the other modules do. */
export function FeedOff() {
  return (
    <div class="mx-auto max-w-xl p-4 md:p-8">
      <div class="k-card p-8 text-center">
        <PowerOff size={28} class="mx-auto text-muted" />
        <h1 class="mt-3 text-base font-semibold">{t("shell.switchedOffTitle", { module: t("modules.feed.name") })}</h1>
        <p class="mt-2 text-muted">{t("shell.switchedOffText")}</p>
      </div>
    </div>
  );
}
