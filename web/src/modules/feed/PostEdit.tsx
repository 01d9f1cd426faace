import { createSignal } from "solid-js";
import { Button } from "../../ui/Button";
import { FormError } from "../../ui/Field";
import { errorText } from "../../lib/toast";
import type { Post } from "./api";
import { useFeed } from "./context";
import { Editor, type EditorHandle } from "./Editor";
import { ft } from "./i18n";

/** The post's text in the editor, saved in place. */
export function PostEdit(props: { post: Post; onDone: () => void }) {
  const { actions } = useFeed();
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string>();
  let editor: EditorHandle | undefined;
  const save = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await actions.edit(props.post, editor?.html() ?? "");
      props.onDone();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="mt-3 space-y-2">
      <Editor initial={props.post.text} ref={(h) => ((editor = h), h.focus())} onSubmit={save} />
      <FormError message={error()} />
      <div class="flex justify-end gap-2">
        <Button size="sm" onClick={props.onDone}>
          {ft("post.cancel")}
        </Button>
        <Button size="sm" variant="primary" busy={busy()} onClick={save}>
          {ft("post.save")}
        </Button>
      </div>
    </div>
  );
}
