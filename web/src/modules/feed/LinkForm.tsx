import { createSignal, onMount } from "solid-js";
import { ft } from "./i18n";
import { Button } from "../../ui/Button";

/** The editor's link row: an address, added to the selection or inserted at the caret. */
export function LinkForm(props: { onAdd: (url: string) => void; onCancel: () => void }) {
  let input!: HTMLInputElement;
  const [url, setUrl] = createSignal("");
  onMount(() => input.focus());
  const add = () => {
    const v = url().trim();
    if (!v) return props.onCancel();
    props.onAdd(/^(https?:|mailto:|\/)/i.test(v) ? v : `https://${v}`);
  };
  return (
    <div class="flex items-center gap-2 border-b border-line bg-subtle/60 px-2 py-1.5">
      <input
        ref={input}
        type="url"
        class="k-input h-8 flex-1 text-[13px]"
        placeholder="https://"
        aria-label={ft("editor.linkUrl")}
        value={url()}
        onInput={(e) => setUrl(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") (e.preventDefault(), add());
          if (e.key === "Escape") (e.preventDefault(), props.onCancel());
        }}
      />
      <Button size="sm" onClick={add}>
        {ft("editor.addLink")}
      </Button>
    </div>
  );
}
