import { Show, createEffect, createMemo, on } from "solid-js";
import { A, useSearchParams } from "@solidjs/router";
import Plus from "lucide-solid/icons/plus";
import ArrowLeft from "lucide-solid/icons/arrow-left";
import { PageHeader } from "../../ui/PageHeader";
import { Button } from "../../ui/Button";
import { createFeedStore } from "./store";
import { feedActions } from "./actions";
import { FeedContext } from "./context";
import { useFeedLive } from "./live-events";
import { Composer } from "./Composer";
import { FeedFilters, hasFilters, type FilterParams } from "./FeedFilters";
import { FeedList } from "./FeedList";
import { NewPostsBar } from "./NewPostsBar";
import { toQuery } from "./query";
import { ft } from "./i18n";
import { accessOf } from "../../lib/modules";
import { FeedOff } from "./FeedOff";

/** The feed route: the page, or why it is not there. */
export default function FeedRoute() {
  return (
    <Show when={accessOf("feed")} fallback={<FeedOff />}>
      <Feed />
    </Show>
  );
}

/** The home page: composer, filters, the live list with a "N new posts" bar; ?post=<id> shows one post. */
function Feed() {
  const [params, setParams] = useSearchParams<FilterParams>();
  const query = createMemo(() => toQuery(params), undefined, { equals: (a, b) => JSON.stringify(a) === JSON.stringify(b) });
  const store = createFeedStore(query);
  const actions = feedActions(store);
  let openComposer: (() => void) | undefined;

  createEffect(on([query, () => params.post], ([, post]) => void (post ? store.loadOne(post) : store.reset())));
  const live = useFeedLive(store, query);

  const showNew = () => {
    store.showPending();
    document.getElementById("main")?.scrollTo({ top: 0, behavior: "smooth" });
  };
  const write = () => {
    if (params.post) setParams({ post: undefined });
    document.getElementById("main")?.scrollTo({ top: 0 });
    queueMicrotask(() => openComposer?.());
  };

  return (
    <FeedContext.Provider value={{ store, actions }}>
      <div data-testid="feed" data-live={live()}>
        <PageHeader
          title={ft("title")}
          subtitle={ft("subtitle")}
          actions={
            <Button variant="primary" onClick={write} data-testid="new-post">
              <Plus size={16} /> {ft("composer.new")}
            </Button>
          }
        >
          <Show when={!params.post}>
            <FeedFilters params={params} set={setParams} />
          </Show>
        </PageHeader>
        <div class="mx-auto max-w-3xl space-y-3 p-3 md:p-6">
          <Show
            when={!params.post}
            fallback={
              <A href="/feed" class="inline-flex items-center gap-1.5 text-[13px] font-medium text-accent hover:underline">
                <ArrowLeft size={15} /> {ft("list.backToFeed")}
              </A>
            }
          >
            <Composer onPosted={store.addOwn} ref={(open) => (openComposer = open)} />
            <NewPostsBar count={store.state.pending.length} onShow={showNew} />
          </Show>
          <FeedList single={!!params.post} filtered={hasFilters(params)} onWrite={write} onClear={() => setParams({ author: undefined, authorName: undefined, type: undefined, dept: undefined, from: undefined, to: undefined, mentions: undefined })} />
        </div>
      </div>
    </FeedContext.Provider>
  );
}
