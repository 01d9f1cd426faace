import { createSignal } from "solid-js";
import Upload from "lucide-solid/icons/upload";
import Trash2 from "lucide-solid/icons/trash";
import { t } from "../../../lib/i18n";
import { api, call, upload } from "../../../lib/api";
import { refreshMe } from "../../../lib/session";
import { toast, toastError } from "../../../lib/toast";
import { bumpPortalLogo, portalLogoVersion } from "../../../lib/portal-state";
import { PortalLogo } from "../../../ui/Logo";
import { Button } from "../../../ui/Button";

/** The logo in the header and on the sign-in page: PNG, JPEG or WebP up to 2 MB. */
export function LogoUpload(props: { name: string; hasLogo: boolean }) {
  const [has, setHas] = createSignal(props.hasLogo);
  const [busy, setBusy] = createSignal(false);
  let input!: HTMLInputElement;
  const run = async (fn: () => Promise<unknown>, next: boolean, done: string) => {
    setBusy(true);
    try {
      await fn();
      setHas(next);
      bumpPortalLogo();
      await refreshMe();
      toast(done, "success");
    } catch (e) {
      toastError(e);
    } finally {
      setBusy(false);
    }
  };
  const pick = () => {
    const file = input.files?.[0];
    input.value = "";
    if (file) void run(() => upload("/portal/logo", file), true, t("admin.settings.logoSaved"));
  };
  return (
    <div>
      <span class="k-label">{t("admin.settings.logo")}</span>
      <div class="flex flex-wrap items-center gap-3">
        <div class="flex h-14 w-14 items-center justify-center rounded-lg border border-line bg-subtle">
          <PortalLogo name={props.name} hasLogo={has()} version={portalLogoVersion()} class="h-12 w-12 text-base" />
        </div>
        <Button size="sm" busy={busy()} onClick={() => input.click()}>
          <Upload size={14} /> {t("admin.settings.uploadLogo")}
        </Button>
        <Button size="sm" variant="ghost" disabled={!has() || busy()} onClick={() => run(() => call(api.portal.logo.$delete()), false, t("admin.settings.logoRemoved"))}>
          <Trash2 size={14} /> {t("common.remove")}
        </Button>
        <input ref={input} type="file" accept="image/png,image/jpeg,image/webp" class="hidden" onChange={pick} data-testid="logo-input" />
      </div>
      <p class="mt-1 text-[12px] text-muted">{t("admin.settings.logoHint")}</p>
    </div>
  );
}
