import { For } from "solid-js";
import { A } from "@solidjs/router";
import ChevronLeft from "lucide-solid/icons/chevron-left";
import ChevronRight from "lucide-solid/icons/chevron-right";
import Plus from "lucide-solid/icons/plus";
import Settings from "lucide-solid/icons/settings";
import { Button, IconButton } from "../../ui/Button";
import { t } from "./i18n";
import { rangeTitle, step, todayKey, type ViewName } from "./time";
import type { CalendarNav } from "./nav";
import { CalendarsButton } from "./CalendarsButton";

const VIEWS: ViewName[] = ["month", "week", "day", "agenda"];

/** Title of the visible range, today/previous/next, the view switch and the primary action. */
export function Toolbar(props: { nav: CalendarNav; onNew: () => void }) {
  const nav = props.nav;
  return (
    <div class="flex flex-wrap items-center gap-2 border-b border-line bg-surface px-3 py-2.5 md:px-5">
      <h1 class="mr-2 text-lg font-semibold tracking-tight">{t("title")}</h1>
      <Button size="sm" onClick={() => nav.setDate(todayKey())} data-testid="cal-today">
        {t("today")}
      </Button>
      <div class="flex items-center">
        <IconButton label={t("previous")} onClick={() => nav.setDate(step(nav.view(), nav.date(), -1))} data-testid="cal-prev">
          <ChevronLeft size={18} />
        </IconButton>
        <IconButton label={t("next")} onClick={() => nav.setDate(step(nav.view(), nav.date(), 1))} data-testid="cal-next">
          <ChevronRight size={18} />
        </IconButton>
      </div>
      <h2 class="min-w-0 flex-1 truncate text-[15px] font-medium" aria-live="polite" data-testid="cal-range">
        {rangeTitle(nav.view(), nav.date())}
      </h2>
      <div role="group" aria-label={t("view")} class="inline-flex rounded-md border border-line-strong p-0.5">
        <For each={VIEWS}>
          {(v) => (
            <button
              type="button"
              aria-pressed={nav.view() === v}
              data-testid={`cal-view-${v}`}
              class={`h-7 rounded px-2.5 text-[13px] font-medium ${nav.view() === v ? "bg-accent-soft text-accent" : "text-muted hover:text-fg"}`}
              onClick={() => nav.setView(v)}
            >
              {t(`views.${v}`)}
            </button>
          )}
        </For>
      </div>
      <CalendarsButton />
      <A href={nav.settingsHref()} class="inline-flex h-8 w-8 items-center justify-center rounded-md text-muted hover:bg-subtle hover:text-fg" aria-label={t("settings")} title={t("settings")} data-testid="cal-settings">
        <Settings size={17} />
      </A>
      <Button variant="primary" size="sm" onClick={props.onNew} data-testid="cal-new">
        <Plus size={15} /> {t("newEvent")}
      </Button>
    </div>
  );
}
