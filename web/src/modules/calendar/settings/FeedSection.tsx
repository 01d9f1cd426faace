import { For, Show, createSignal } from "solid-js";
import Rss from "lucide-solid/icons/rss";
import Copy from "lucide-solid/icons/copy";
import { Button } from "../../../ui/Button";
import { toast, toastError } from "../../../lib/toast";
import { setFeed, type Cal } from "../data";
import { t } from "../i18n";

/** CAL-5: a private iCal address per calendar, shown once when created; revocable. */
export function FeedSection(props: { calendars: Cal[]; onChanged: () => void }) {
  const [urls, setUrls] = createSignal<Record<string, string | null>>({});
  const [busy, setBusy] = createSignal<string | null>(null);
  const run = async (c: Cal, on: boolean) => {
    setBusy(c.id);
    try {
      const url = await setFeed(c.id, on);
      setUrls((u) => ({ ...u, [c.id]: url }));
      if (!on) toast(t("feeds.revoked"), "success");
      props.onChanged();
    } catch (e) {
      toastError(e);
    } finally {
      setBusy(null);
    }
  };
  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      toast(t("feeds.copied"), "success");
    } catch {
      /* the field stays selectable */
    }
  };
  return (
    <section class="k-card p-4 md:p-5" aria-labelledby="feeds-title" data-testid="feed-section">
      <h2 id="feeds-title" class="flex items-center gap-2 text-[15px] font-semibold">
        <Rss size={17} class="text-muted" /> {t("feeds.title")}
      </h2>
      <p class="mt-1 text-[13px] text-muted">{t("feeds.help")}</p>
      <ul class="mt-3 divide-y divide-line rounded-md border border-line">
        <For each={props.calendars}>
          {(c) => (
            <li class="space-y-2 px-3 py-2.5" data-feed={c.name}>
              <div class="flex flex-wrap items-center gap-2">
                <span class="h-2.5 w-2.5 rounded-full" style={{ background: c.color }} />
                <span class="min-w-0 flex-1 truncate font-medium">{c.name}</span>
                <Show when={c.access !== "read"} fallback={<span class="text-[12px] text-muted">{t("feeds.readOnly")}</span>}>
                  <Button size="sm" busy={busy() === c.id} onClick={() => run(c, true)} data-testid="feed-create">
                    {c.hasFeed ? t("feeds.renew") : t("feeds.create")}
                  </Button>
                  <Show when={c.hasFeed}>
                    <Button size="sm" variant="dangerGhost" onClick={() => run(c, false)} data-testid="feed-revoke">
                      {t("feeds.revoke")}
                    </Button>
                  </Show>
                </Show>
              </div>
              <Show when={urls()[c.id]} fallback={<p class="text-[12px] text-muted">{c.hasFeed ? t("feeds.exists") : c.access !== "read" ? t("feeds.none") : ""}</p>}>
                <div class="flex gap-2">
                  <input class="k-input h-8 font-mono text-[12px]" readonly value={urls()[c.id]!} aria-label={c.name} onFocus={(e) => e.currentTarget.select()} data-testid="feed-url" />
                  <Button size="sm" onClick={() => copy(urls()[c.id]!)}>
                    <Copy size={14} /> {t("feeds.copy")}
                  </Button>
                </div>
              </Show>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}
