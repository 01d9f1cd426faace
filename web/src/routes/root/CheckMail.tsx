import { useSearchParams } from "@solidjs/router";
import MailCheck from "lucide-solid/icons/mail-check";
import { t } from "../../lib/i18n";
import { AuthLayout } from "../public/AuthLayout";
import { Brand } from "./Brand";

export default function CheckMail() {
  const [params] = useSearchParams<{ email?: string; url?: string }>();
  return (
    <AuthLayout title={t("signup.checkTitle")} brand={<Brand />}>
      <div class="space-y-3 text-center" role="status" data-testid="check-mail">
        <MailCheck size={34} class="mx-auto text-success" />
        <p>{t("signup.checkText", { email: String(params.email ?? "") })}</p>
        <p class="text-[13px] text-muted">
          {t("signup.checkAddress")} <span class="font-medium text-fg">{String(params.url ?? "")}</span>
        </p>
        <p class="text-[12px] text-muted">{t("signup.checkSpam")}</p>
      </div>
    </AuthLayout>
  );
}
