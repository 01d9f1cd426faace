import { For, Match, Show, Switch, createEffect, onCleanup, onMount } from "solid-js";
import Newspaper from "lucide-solid/icons/newspaper";
import { Button } from "../../ui/Button";
import { EmptyState } from "../../ui/EmptyState";
import { errorText } from "../../lib/toast";
import { useFeed } from "./context";
import { PostCard } from "./PostCard";
import { EventRow } from "./EventRow";
import { PostSkeleton } from "./PostSkeleton";
import { ft } from "./i18n";

/** The posts with infinite scroll: the next page loads before the reader reaches the end. */
export function FeedList(props: { single?: boolean; filtered: boolean; onWrite: () => void; onClear: () => void }) {
  const { store } = useFeed();
  let sentinel!: HTMLDivElement;
  onMount(() => {
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && !store.error() && void store.loadMore(), { rootMargin: "800px 0px" });
    io.observe(sentinel);
    onCleanup(() => io.disconnect());
  });
  // A page too short to push the end out of reach: the observer sees no change, so look again.
  createEffect(() => {
    if (store.loading() || !store.loaded() || !store.state.next || store.error()) return;
    queueMicrotask(() => sentinel.getBoundingClientRect().top < window.innerHeight + 800 && void store.loadMore());
  });
  return (
    <div class="space-y-3" data-testid="feed-list">
      <For each={store.state.posts}>{(p) => (p.type === "event" ? <EventRow post={p} /> : <PostCard post={p} />)}</For>
      <Switch>
        <Match when={store.error()}>
          <div class="k-card p-6 text-center" role="alert">
            <p class="font-medium">{props.single ? ft("list.postMissing") : ft("list.loadFailed")}</p>
            <Show when={!props.single}>
              <p class="mt-1 text-[13px] text-muted">{errorText(store.error())}</p>
              <Button size="sm" class="mt-3" onClick={() => void store.loadMore()}>
                {ft("list.retry")}
              </Button>
            </Show>
          </div>
        </Match>
        <Match when={!store.loaded() || (store.loading() && store.state.posts.length === 0)}>
          <PostSkeleton />
        </Match>
        <Match when={store.loading()}>
          <PostSkeleton count={1} />
        </Match>
        <Match when={store.state.posts.length === 0}>
          <div class="k-card">
            <Show
              when={props.filtered}
              fallback={
                <EmptyState
                  icon={<Newspaper size={22} />}
                  title={ft("list.emptyTitle")}
                  text={ft("list.emptyText")}
                  action={
                    <Button variant="primary" onClick={props.onWrite}>
                      {ft("list.emptyAction")}
                    </Button>
                  }
                />
              }
            >
              <EmptyState icon={<Newspaper size={22} />} title={ft("list.filteredTitle")} text={ft("list.filteredText")} action={<Button onClick={props.onClear}>{ft("filters.clear")}</Button>} />
            </Show>
          </div>
        </Match>
        <Match when={!store.state.next && store.state.posts.length > 3}>
          <p class="py-4 text-center text-[12.5px] text-muted">{ft("list.end")}</p>
        </Match>
      </Switch>
      <div ref={sentinel} aria-hidden="true" class="h-px" />
    </div>
  );
}
