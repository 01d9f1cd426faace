import { ApiError } from "../../../lib/api";
import { errorText, toast } from "../../../lib/toast";
import { t } from "../i18n";

/** The messenger's own words for the chat error codes, else the app's usual error text. */
export function chatErrorText(e: unknown): string {
  if (e instanceof ApiError) {
    const own = (t as (k: string) => string | undefined)(`errors.${e.code}`);
    if (own) return own;
  }
  return errorText(e);
}

export function toastChatError(e: unknown) {
  toast(chatErrorText(e), "error");
}
