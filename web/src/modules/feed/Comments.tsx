import { For, Show, createSignal } from "solid-js";
import { toastError } from "../../lib/toast";
import type { Post } from "./api";
import { useFeed } from "./context";
import { CommentItem } from "./CommentItem";
import { CommentForm } from "./CommentForm";
import { ft } from "./i18n";

/** The latest three comments (all on request), then a box to add one. */
export function Comments(props: { post: Post; focusRef: (focus: () => void) => void }) {
  const { store } = useFeed();
  const [loading, setLoading] = createSignal(false);
  const hidden = () => props.post.commentCount - props.post.comments.length;
  const showAll = async () => {
    setLoading(true);
    try {
      await store.expand(props.post.id);
    } catch (e) {
      toastError(e);
    } finally {
      setLoading(false);
    }
  };
  return (
    <div class="mt-1 space-y-2">
      <Show when={hidden() > 0 && !store.state.expanded[props.post.id]}>
        <button type="button" class="text-[12.5px] font-medium text-accent hover:underline disabled:opacity-60" disabled={loading()} onClick={showAll} data-testid="show-all-comments">
          {ft("comments.showAll", { n: props.post.commentCount })}
        </button>
      </Show>
      <Show when={props.post.comments.length}>
        <ul class="space-y-2" data-testid="comments">
          <For each={props.post.comments}>{(c) => <CommentItem postId={props.post.id} comment={c} />}</For>
        </ul>
      </Show>
      <CommentForm postId={props.post.id} focusRef={props.focusRef} />
    </div>
  );
}
