import { createSignal } from "solid-js";
import Layers from "lucide-solid/icons/layers";
import X from "lucide-solid/icons/x";
import { Drawer, DrawerClose, DrawerTitle } from "../../ui/Dialog";
import { IconButton } from "../../ui/Button";
import { t as tApp } from "../../lib/i18n";
import { t } from "./i18n";
import { CalendarList } from "./CalendarList";

/** Below 1024 px the calendar list has no room beside the grid: it opens in a drawer. */
export function CalendarsButton() {
  const [open, setOpen] = createSignal(false);
  return (
    <>
      <IconButton label={t("calendars")} class="lg:hidden" onClick={() => setOpen(true)} data-testid="cal-list-open">
        <Layers size={17} />
      </IconButton>
      <Drawer open={open()} onOpenChange={setOpen} side="left" label={t("calendars")}>
        <div class="flex h-12 items-center border-b border-line px-4">
          <DrawerTitle class="flex-1 font-semibold">{t("calendars")}</DrawerTitle>
          <DrawerClose class="rounded p-1.5 text-muted hover:bg-subtle" aria-label={tApp("common.close")}>
            <X size={17} />
          </DrawerClose>
        </div>
        <div class="flex-1 overflow-y-auto">
          <CalendarList heading={false} />
        </div>
      </Drawer>
    </>
  );
}
