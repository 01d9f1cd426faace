import { moduleI18n } from "../../../lib/i18n/module";
import { en } from "./en";

export const { t: ft, tp: ftp } = moduleI18n(en, {
  de: () => import("./de").then((m) => m.de),
  ru: () => import("./ru").then((m) => m.ru),
  ro: () => import("./ro").then((m) => m.ro),
  cs: () => import("./cs").then((m) => m.cs),
});
