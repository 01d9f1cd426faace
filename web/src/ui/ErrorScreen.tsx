import TriangleAlert from "lucide-solid/icons/triangle-alert";
import { t } from "../lib/i18n";
import { errorText } from "../lib/toast";
import { Button } from "./Button";

/** What a screen shows when loading it failed: the reason in plain words and a way to try again. */
export function ErrorScreen(props: { error: unknown; reset: () => void }) {
  return (
    <div class="mx-auto max-w-xl p-4 md:p-8" role="alert">
      <div class="k-card p-8 text-center">
        <TriangleAlert size={28} class="mx-auto text-warning" />
        <h1 class="mt-3 text-base font-semibold">{t("shell.errorTitle")}</h1>
        <p class="mt-2 text-muted">{errorText(props.error)}</p>
        <Button variant="primary" class="mt-5" onClick={props.reset}>
          {t("shell.tryAgain")}
        </Button>
      </div>
    </div>
  );
}
