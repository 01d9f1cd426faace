import { tp, t } from "../i18n";

/** Reminder choices, minutes before the start. */
export const REMINDER_CHOICES = [0, 5, 10, 15, 30, 60, 120, 1440, 2880, 10080];

export function reminderLabel(min: number): string {
  if (min === 0) return t("form.atStart");
  if (min % 1440 === 0) return tp("form.daysBefore", min / 1440);
  if (min % 60 === 0) return tp("form.hoursBefore", min / 60);
  return tp("form.minutesBefore", min);
}
