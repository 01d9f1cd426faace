import { moduleI18n } from "../../lib/i18n/module";
import { en } from "./i18n/en";

/** The calendar's own dictionary; other languages load with the module, merged over English. */
export const { t, tp } = moduleI18n(en, {
  de: () => import("./i18n/de").then((m) => m.de),
  ru: () => import("./i18n/ru").then((m) => m.ru),
  ro: () => import("./i18n/ro").then((m) => m.ro),
  cs: () => import("./i18n/cs").then((m) => m.cs),
});
