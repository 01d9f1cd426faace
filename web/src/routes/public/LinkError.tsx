import { A } from "@solidjs/router";
import Link2Off from "lucide-solid/icons/link-2-off";
import { t } from "../../lib/i18n";

/** An invitation or registration link that no longer works. */
export function LinkError(props: { message: string }) {
  return (
    <div class="space-y-4 text-center" role="alert">
      <Link2Off size={30} class="mx-auto text-muted" />
      <p>{props.message}</p>
      <A href="/sign-in" class="text-accent hover:underline">
        {t("auth.backToSignIn")}
      </A>
    </div>
  );
}
