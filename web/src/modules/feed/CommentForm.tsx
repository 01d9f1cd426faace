import { me } from "../../lib/session";
import { photoVersion } from "../../lib/portal-state";
import { Avatar } from "../../ui/Avatar";
import { useFeed } from "./context";
import { CommentBox } from "./CommentBox";
import { ft } from "./i18n";

/** "Write a comment…" under each post; sent optimistically, the text comes back if the server refuses. */
export function CommentForm(props: { postId: string; focusRef: (focus: () => void) => void }) {
  const { actions } = useFeed();
  const u = () => me()!.user;
  return (
    <div class="flex items-start gap-2.5 pt-1">
      <Avatar id={u().id} name={u().name} hasPhoto={u().hasPhoto} version={photoVersion()} size="sm" />
      <CommentBox submitLabel={ft("comments.send")} focusRef={props.focusRef} onSubmit={(text) => actions.comment(props.postId, text)} />
    </div>
  );
}
