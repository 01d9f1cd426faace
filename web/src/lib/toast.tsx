import { Toast, toaster } from "@kobalte/core/toast";
import { Portal } from "solid-js/web";
import X from "lucide-solid/icons/x";
import CircleCheck from "lucide-solid/icons/circle-check";
import CircleAlert from "lucide-solid/icons/circle-alert";
import { ApiError } from "./api";
import { t, tOr } from "./i18n";

type Kind = "success" | "error" | "info";

export function toast(message: string, kind: Kind = "info") {
  toaster.show((p) => (
    <Toast
      toastId={p.toastId}
      class="k-card flex w-[min(92vw,380px)] items-start gap-2.5 p-3 shadow-pop"
      data-kind={kind}
    >
      {kind === "success" ? (
        <CircleCheck size={18} class="mt-px shrink-0 text-success" aria-hidden="true" />
      ) : kind === "error" ? (
        <CircleAlert size={18} class="mt-px shrink-0 text-danger" aria-hidden="true" />
      ) : null}
      <Toast.Description class="flex-1 text-[13px] leading-5">{message}</Toast.Description>
      <Toast.CloseButton class="rounded p-0.5 text-muted hover:bg-subtle" aria-label={t("common.close")}>
        <X size={16} />
      </Toast.CloseButton>
    </Toast>
  ));
}

/** The translated text of a server error: by its code when we know it, else the server's own words. */
export function errorText(e: unknown): string {
  if (e instanceof ApiError) {
    if (e.code === "network") return t("errors.network");
    const msg = e.field && e.message.startsWith(e.field + ": ") ? e.message.slice(e.field.length + 2) : e.message;
    return tOr(`errors.${e.code}`, msg);
  }
  return t("errors.unexpected");
}

/** Shows a refusal from the server as a toast (for actions without a form to put it on). */
export function toastError(e: unknown) {
  toast(errorText(e), "error");
}

export function ToastRegion() {
  return (
    <Portal>
      <Toast.Region duration={5000} limit={4} swipeDirection="right" aria-label={t("common.notificationsRegion")}>
        <Toast.List class="fixed bottom-4 right-4 z-[100] flex flex-col gap-2 outline-none" />
      </Toast.Region>
    </Portal>
  );
}
