import { Show, type JSX } from "solid-js";
import ShieldOff from "lucide-solid/icons/shield-off";
import { t } from "../../lib/i18n";
import { isAdmin } from "../../lib/session";
import { EmptyState } from "../../ui/EmptyState";

/** Administration screens: only for administrators; others get an explanation, not an error. */
export default function Admin(props: { children?: JSX.Element }) {
  return (
    <Show when={isAdmin()} fallback={<EmptyState icon={<ShieldOff size={22} />} title={t("admin.onlyAdminsTitle")} text={t("admin.onlyAdminsText")} />}>
      {props.children}
    </Show>
  );
}
