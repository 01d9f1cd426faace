import { For, Match, Switch } from "solid-js";
import { parts } from "../data/text";
import { nameOf } from "../data/people";

/** A message's text with clickable links and highlighted mentions; rendered as text, never as HTML. */
export function MessageText(props: { text: string; mentions: string[]; mine?: boolean }) {
  const list = () => parts(props.text, props.mentions.map((id) => ({ id, name: nameOf(id, "") })));
  return (
    <div class="whitespace-pre-wrap break-words text-[13.5px] leading-[1.45]" data-testid="message-text">
      <For each={list()}>
        {(p) => (
          <Switch fallback={p.text}>
            <Match when={p.kind === "link"}>
              <a href={p.text} target="_blank" rel="noopener noreferrer" class="text-accent underline underline-offset-2 hover:no-underline">
                {p.text}
              </a>
            </Match>
            <Match when={p.kind === "mention"}>
              <span class="rounded bg-accent/10 px-0.5 font-medium text-accent">{p.text}</span>
            </Match>
          </Switch>
        )}
      </For>
    </div>
  );
}
