import { For, Show } from "solid-js";
import { nameOf } from "../data/people";
import type { ChatMessage } from "../data/types";
import { useChat } from "./context";
import { t } from "../i18n";

/** Reaction chips under a message; mine are highlighted, a click toggles mine. */
export function Reactions(props: { m: ChatMessage }) {
  const ctx = useChat();
  const list = () => Object.entries(props.m.reactions).filter(([, users]) => users.length > 0);
  return (
    <Show when={list().length && !props.m.deleted}>
      <div class="mt-1 flex flex-wrap gap-1" data-testid="reactions">
        <For each={list()}>
          {([emoji, users]) => {
            const mine = () => users.includes(ctx.me);
            const label = () => t("message.reactedBy", { names: users.map((u) => nameOf(u)).join(", "), emoji });
            return (
              <button
                type="button"
                class={`inline-flex h-6 items-center gap-1 rounded-full border px-1.5 text-[12px] ${mine() ? "border-accent/50 bg-accent-soft text-accent" : "border-line bg-surface text-muted hover:bg-subtle"}`}
                title={label()}
                aria-label={label()}
                aria-pressed={mine()}
                disabled={!ctx.room.live}
                onClick={() => ctx.react(props.m, emoji)}
                data-testid="reaction"
              >
                <span class="text-[13px]">{emoji}</span>
                <span class="font-medium">{users.length}</span>
              </button>
            );
          }}
        </For>
      </div>
    </Show>
  );
}
