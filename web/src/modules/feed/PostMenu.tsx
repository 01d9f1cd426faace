import { Show, createSignal } from "solid-js";
import { DropdownMenu as M } from "@kobalte/core/dropdown-menu";
import Ellipsis from "lucide-solid/icons/ellipsis";
import Pencil from "lucide-solid/icons/pencil";
import Trash from "lucide-solid/icons/trash";
import { toast, toastError } from "../../lib/toast";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import type { Post } from "./api";
import { useFeed } from "./context";
import { ft } from "./i18n";

const item = "flex h-8 cursor-default select-none items-center gap-2.5 rounded px-2 text-[13px] outline-none data-[highlighted]:bg-subtle";

/** Edit and delete, for the author and administrators; deleting asks once. */
export function PostMenu(props: { post: Post; onEdit: () => void }) {
  const { actions } = useFeed();
  const [confirm, setConfirm] = createSignal(false);
  return (
    <>
      <M placement="bottom-end" gutter={4}>
        <M.Trigger class="rounded-md p-1.5 text-muted hover:bg-subtle hover:text-fg" aria-label={ft("post.actions")} data-testid="post-menu">
          <Ellipsis size={17} />
        </M.Trigger>
        <M.Portal>
          <M.Content class="k-card z-50 min-w-40 p-1 shadow-pop outline-none">
            <Show when={props.post.type === "post"}>
              <M.Item class={item} onSelect={props.onEdit}>
                <Pencil size={14} class="text-muted" /> {ft("post.edit")}
              </M.Item>
            </Show>
            <M.Item class={`${item} text-danger`} onSelect={() => setConfirm(true)} data-testid="post-delete">
              <Trash size={14} /> {ft("post.delete")}
            </M.Item>
          </M.Content>
        </M.Portal>
      </M>
      <ConfirmDialog
        open={confirm()}
        title={ft("post.deleteTitle")}
        text={ft("post.deleteText")}
        confirm={ft("post.delete")}
        danger
        onClose={() => setConfirm(false)}
        onConfirm={async () => {
          try {
            await actions.remove(props.post);
            toast(ft("post.deleted"), "success");
          } catch (e) {
            toastError(e);
          }
        }}
      />
    </>
  );
}
