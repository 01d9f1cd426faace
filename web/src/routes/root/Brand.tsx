import Building2 from "lucide-solid/icons/building";
import { t } from "../../lib/i18n";

export function Brand() {
  return (
    <>
      <span class="inline-flex h-12 w-12 items-center justify-center rounded-xl bg-accent text-accent-fg">
        <Building2 size={24} />
      </span>
      <div>
        <div class="text-lg font-semibold tracking-tight">Kontor</div>
        <div class="text-[13px] text-muted">{t("signup.tagline")}</div>
      </div>
    </>
  );
}
