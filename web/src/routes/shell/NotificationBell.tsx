import { For, Show, createSignal } from "solid-js";
import Bell from "lucide-solid/icons/bell";
import BellOff from "lucide-solid/icons/bell-off";
import X from "lucide-solid/icons/x";
import { t } from "../../lib/i18n";
import { api, call } from "../../lib/api";
import { mustSetUpTotp } from "../../lib/session";
import { toastError } from "../../lib/toast";
import { Drawer, DrawerClose, DrawerTitle } from "../../ui/Dialog";
import { Button } from "../../ui/Button";
import { ListSkeleton } from "../../ui/Skeleton";
import { EmptyState } from "../../ui/EmptyState";
import { NotificationItem, type Note } from "./NotificationItem";
import { counter, liveNotes, liveStatus, markNotesRead, mergeNotes, setCounter, type LiveNote } from "../../lib/live";

/** The bell with the live unread count; opens the notifications drawer, whose list updates live too. */
export function NotificationBell() {
  const unread = () => counter("notifications");
  const setUnread = (fn: (n: number) => number) => setCounter("notifications", fn(unread()));
  const [open, setOpen] = createSignal(false);
  const [loaded, setLoaded] = createSignal(false);
  const items = () => (loaded() || liveStatus() === "live" || liveNotes().length ? (liveNotes() as Note[]) : null);
  const [next, setNext] = createSignal<string | null>(null);

  async function load(cursor?: string) {
    if (mustSetUpTotp()) return;
    try {
      const r = await call(api.notifications.$get({ query: { cursor, limit: "30" } }));
      setCounter("notifications", r.unread);
      mergeNotes(r.items as unknown as LiveNote[], !cursor);
      setNext(r.nextCursor);
      setLoaded(true);
    } catch {
      /* the count stays as it was; the drawer shows what it has */
    }
  }

  async function markAll() {
    markNotesRead("all");
    setUnread(() => 0);
    try {
      await call(api.notifications.read.$post({ json: { all: true } }));
    } catch (e) {
      toastError(e);
      void load();
    }
  }

  async function markOne(n: Note) {
    if (n.readAt) return;
    markNotesRead([n.id]);
    setUnread((u) => u - 1);
    try {
      await call(api.notifications.read.$post({ json: { ids: [n.id] } }));
    } catch {
      void load();
    }
  }

  const label = () => (unread() ? t("notifications.bellUnread", { n: unread() }) : t("notifications.title"));
  return (
    <>
      <button
        type="button"
        class="relative inline-flex h-9 w-9 items-center justify-center rounded-md text-muted hover:bg-subtle hover:text-fg"
        aria-label={label()}
        title={label()}
        data-testid="notification-bell"
        data-unread={unread()}
        onClick={() => {
          setOpen(true);
          void load();
        }}
      >
        <Bell size={18} />
        <Show when={unread() > 0}>
          <span class="absolute right-1 top-1 min-w-4 rounded-full bg-danger px-1 text-center text-[10px] font-semibold leading-4 text-white" aria-hidden="true">
            {unread() > 99 ? "99+" : unread()}
          </span>
        </Show>
      </button>
      <Drawer open={open()} onOpenChange={setOpen} side="right" label={t("notifications.title")}>
        <div class="flex h-12 items-center gap-2 border-b border-line px-4">
          <DrawerTitle class="flex-1 font-semibold">{t("notifications.title")}</DrawerTitle>
          <Show when={unread() > 0}>
            <Button size="sm" variant="ghost" onClick={markAll}>
              {t("notifications.markAll")}
            </Button>
          </Show>
          <DrawerClose class="rounded p-1.5 text-muted hover:bg-subtle" aria-label={t("common.close")}>
            <X size={17} />
          </DrawerClose>
        </div>
        <div class="flex-1 overflow-y-auto">
          <Show when={items()} fallback={<ListSkeleton rows={4} />}>
            <Show when={items()!.length} fallback={<EmptyState icon={<BellOff size={22} />} title={t("notifications.emptyTitle")} text={t("notifications.emptyText")} />}>
              <ul class="divide-y divide-line">
                <For each={items()}>{(n) => <NotificationItem note={n} onRead={() => markOne(n)} onNavigate={() => setOpen(false)} />}</For>
              </ul>
              <Show when={next()}>
                <div class="p-3 text-center">
                  <Button size="sm" onClick={() => load(next()!)}>
                    {t("common.loadMore")}
                  </Button>
                </div>
              </Show>
            </Show>
          </Show>
        </div>
      </Drawer>
    </>
  );
}
