import { createSignal } from "solid-js";
import Camera from "lucide-solid/icons/camera";
import { t } from "../../lib/i18n";
import { upload } from "../../lib/api";
import { toast, toastError } from "../../lib/toast";
import { me, refreshMe } from "../../lib/session";
import { bumpPhoto } from "../../lib/portal-state";

/** A camera button over the avatar: PNG, JPEG or WebP up to 2 MB. */
export function PhotoUpload(props: { userId: string; onUploaded: () => void }) {
  const [busy, setBusy] = createSignal(false);
  let input!: HTMLInputElement;
  const pick = async () => {
    const file = input.files?.[0];
    input.value = "";
    if (!file) return;
    if (file.size > 2 * 1024 * 1024) return toast(t("errors.too_large"), "error");
    setBusy(true);
    try {
      await upload(`/people/users/${encodeURIComponent(props.userId)}/photo`, file);
      bumpPhoto();
      props.onUploaded();
      if (props.userId === me()?.user.id) await refreshMe();
      toast(t("company.photoSaved"), "success");
    } catch (e) {
      toastError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button
        type="button"
        class="absolute -bottom-1 -right-1 rounded-full border border-line bg-surface p-1.5 text-muted shadow-card hover:text-fg disabled:opacity-60"
        onClick={() => input.click()}
        disabled={busy()}
        aria-label={t("company.changePhoto")}
        title={t("company.changePhoto")}
      >
        <Camera size={15} />
      </button>
      <input ref={input} type="file" accept="image/png,image/jpeg,image/webp" class="hidden" onChange={pick} data-testid="photo-input" />
    </>
  );
}
