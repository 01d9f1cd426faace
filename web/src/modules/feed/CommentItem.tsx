import { Show, createSignal } from "solid-js";
import { A } from "@solidjs/router";
import ThumbsUp from "lucide-solid/icons/thumbs-up";
import { Avatar } from "../../ui/Avatar";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { toastError } from "../../lib/toast";
import { formatNumber } from "../../lib/format";
import { me } from "../../lib/session";
import { htmlToText, type Comment } from "./api";
import { useFeed } from "./context";
import { RichText } from "./RichText";
import { TimeAgo } from "./TimeAgo";
import { CommentBox } from "./CommentBox";
import { ft } from "./i18n";

const action = "font-medium text-muted hover:text-fg hover:underline";

/** One comment: author, text, time, like; edit and delete for its author and administrators. */
export function CommentItem(props: { postId: string; comment: Comment }) {
  const { store, actions } = useFeed();
  const [editing, setEditing] = createSignal(false);
  const [confirm, setConfirm] = createSignal(false);
  const c = () => props.comment;
  const mine = () => c().author.id === me()?.user.id || me()?.user.role === "admin";
  const pending = () => c().id.startsWith("tmp-");
  return (
    <li class={`flex gap-2.5 ${pending() ? "opacity-60" : ""}`} data-comment-id={c().id}>
      <Avatar id={c().author.id} name={c().author.name} hasPhoto={c().author.hasPhoto} size="sm" />
      <div class="min-w-0 flex-1">
        <div class={`rounded-lg px-3 py-2 transition-colors duration-700 ${store.flashes().has(c().id) ? "bg-warning-soft" : "bg-subtle"}`}>
          <A href={`/company/people/${c().author.id}`} class="text-[13px] font-semibold hover:underline">
            {c().author.name}
          </A>
          <Show when={editing()} fallback={<RichText class="text-[13.5px] leading-5" html={c().text} />}>
            <CommentBox
              initial={htmlToText(c().text)}
              submitLabel={ft("comments.save")}
              onCancel={() => setEditing(false)}
              onSubmit={async (text) => {
                setEditing(false);
                await actions.editComment(props.postId, c(), text);
                return true;
              }}
            />
          </Show>
        </div>
        <div class="mt-0.5 flex flex-wrap items-center gap-x-3 px-1 text-[12px] text-muted">
          <TimeAgo iso={c().createdAt} />
          <Show when={!pending()}>
            <button type="button" class={`${action} ${c().likedByMe ? "!text-accent" : ""}`} aria-pressed={c().likedByMe} onClick={() => actions.likeComment(props.postId, c())}>
              {ft("comments.like")}
            </button>
            <Show when={mine()}>
              <button type="button" class={action} onClick={() => setEditing(true)}>
                {ft("comments.edit")}
              </button>
              <button type="button" class={action} onClick={() => setConfirm(true)}>
                {ft("comments.delete")}
              </button>
            </Show>
          </Show>
          <Show when={c().likeCount > 0}>
            <span class={`inline-flex items-center gap-1 rounded px-1 ${store.flashes().has(`like:${c().id}`) ? "bg-warning-soft" : ""}`}>
              <ThumbsUp size={12} class="text-accent" aria-hidden="true" /> {formatNumber(c().likeCount)}
            </span>
          </Show>
        </div>
      </div>
      <ConfirmDialog
        open={confirm()}
        title={ft("comments.deleteTitle")}
        text={ft("comments.deleteText")}
        confirm={ft("comments.delete")}
        danger
        onClose={() => setConfirm(false)}
        onConfirm={() => actions.removeComment(props.postId, c()).catch(toastError)}
      />
    </li>
  );
}
