import { Show, createSignal } from "solid-js";
import { A } from "@solidjs/router";
import ThumbsUp from "lucide-solid/icons/thumbs-up";
import MessageSquare from "lucide-solid/icons/message-square";
import { Avatar } from "../../ui/Avatar";
import { ftp, ft } from "./i18n";
import type { Post } from "./api";
import { useFeed } from "./context";
import { AudienceChips } from "./AudienceChips";
import { TimeAgo } from "./TimeAgo";
import { RichText } from "./RichText";
import { PostMenu } from "./PostMenu";
import { PostEdit } from "./PostEdit";
import { PollView } from "./PollView";
import { Comments } from "./Comments";

/** One post: author, audience, time, text, poll, likes and comments; live changes flash briefly. */
export function PostCard(props: { post: Post }) {
  const { store, actions } = useFeed();
  const [editing, setEditing] = createSignal(false);
  let commentBox: (() => void) | undefined;
  const p = () => props.post;
  const flash = (id: string) => store.flashes().has(id);
  return (
    <article
      class={`k-card p-4 transition-shadow duration-700 ${flash(p().id) ? "ring-2 ring-warning/50" : ""}`}
      aria-labelledby={`post-${p().id}-author`}
      data-post-id={p().id}
      data-testid="post"
    >
      <header class="flex items-start gap-3">
        <A href={`/company/people/${p().author.id}`} tabindex="-1" aria-hidden="true">
          <Avatar id={p().author.id} name={p().author.name} hasPhoto={p().author.hasPhoto} size="md" />
        </A>
        <div class="min-w-0 flex-1">
          <div class="flex flex-wrap items-center gap-x-2 gap-y-1">
            <A id={`post-${p().id}-author`} href={`/company/people/${p().author.id}`} class="font-semibold hover:underline">
              {p().author.name}
            </A>
            <AudienceChips audience={p().audience} />
          </div>
          <div class="mt-0.5 text-[12px] text-muted">
            <A href={`/feed?post=${p().id}`} class="hover:underline">
              <TimeAgo iso={p().createdAt} />
            </A>
            <Show when={p().updatedAt}>
              <span> · {ft("post.edited")}</span>
            </Show>
          </div>
        </div>
        <Show when={p().canEdit && !editing()}>
          <PostMenu post={p()} onEdit={() => setEditing(true)} />
        </Show>
      </header>
      <Show when={p().title}>
        <h2 class="mt-3 text-[15px] font-semibold">{p().title}</h2>
      </Show>
      <Show when={editing()} fallback={<Show when={p().text}>{<RichText class="mt-3 text-[14px]" html={p().text} />}</Show>}>
        <PostEdit post={p()} onDone={() => setEditing(false)} />
      </Show>
      <Show when={p().poll}>
        <PollView post={p()} />
      </Show>
      <footer class="mt-3 flex items-center gap-1 border-t border-line pt-2 text-[13px]">
        <button
          type="button"
          class={`inline-flex h-8 items-center gap-1.5 rounded-md px-2.5 font-medium hover:bg-subtle ${p().likedByMe ? "text-accent" : "text-muted"}`}
          aria-pressed={p().likedByMe}
          onClick={() => actions.like(p())}
          data-testid="like"
        >
          <ThumbsUp size={15} class={p().likedByMe ? "fill-accent/20" : ""} />
          {p().likedByMe ? ft("post.liked") : ft("post.like")}
        </button>
        <button type="button" class="inline-flex h-8 items-center gap-1.5 rounded-md px-2.5 font-medium text-muted hover:bg-subtle" onClick={() => commentBox?.()}>
          <MessageSquare size={15} /> {ft("post.comment")}
        </button>
        <div class="flex-1" />
        <Show when={p().likeCount > 0}>
          <span class={`rounded px-1.5 text-[12.5px] text-muted ${flash(`like:${p().id}`) ? "bg-warning-soft" : ""} transition-colors duration-700`} data-testid="like-count">
            {ftp("post.likes", p().likeCount)}
          </span>
        </Show>
        <Show when={p().commentCount > 0}>
          <span class="text-[12.5px] text-muted" data-testid="comment-count">
            {ftp("post.comments", p().commentCount)}
          </span>
        </Show>
      </footer>
      <Comments post={p()} focusRef={(f) => (commentBox = f)} />
    </article>
  );
}
