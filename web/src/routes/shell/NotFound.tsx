import { A } from "@solidjs/router";
import Compass from "lucide-solid/icons/compass";
import { t } from "../../lib/i18n";
import { homePath } from "../../lib/modules";

export function NotFound() {
  return (
    <div class="mx-auto max-w-xl p-4 md:p-8">
      <div class="k-card p-8 text-center">
        <Compass size={28} class="mx-auto text-muted" />
        <h1 class="mt-3 text-base font-semibold">{t("shell.notFoundTitle")}</h1>
        <p class="mt-2 text-muted">{t("shell.notFoundText")}</p>
        <A href={homePath()} class="mt-5 inline-flex h-9 items-center rounded-md bg-accent px-3.5 font-medium text-accent-fg hover:bg-accent-hover">
          {t("shell.goHome")}
        </A>
      </div>
    </div>
  );
}
