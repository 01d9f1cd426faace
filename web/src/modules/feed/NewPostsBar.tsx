import { Show } from "solid-js";
import ArrowUp from "lucide-solid/icons/arrow-up";
import { ftp } from "./i18n";

/** New posts by others wait here instead of pushing the page under the reader's eyes. */
export function NewPostsBar(props: { count: number; onShow: () => void }) {
  return (
    <div class="pointer-events-none sticky top-2 z-20 flex justify-center" aria-live="polite">
      <Show when={props.count > 0}>
        <button
          type="button"
          class="pointer-events-auto inline-flex h-9 items-center gap-1.5 rounded-full bg-accent px-4 text-[13px] font-semibold text-accent-fg shadow-pop hover:bg-accent-hover"
          onClick={props.onShow}
          data-testid="new-posts"
        >
          <ArrowUp size={15} /> {ftp("list.newPosts", props.count)}
        </button>
      </Show>
    </div>
  );
}
