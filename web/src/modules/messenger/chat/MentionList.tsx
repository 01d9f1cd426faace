import { For, Show } from "solid-js";
import { Avatar } from "../../../ui/Avatar";
import type { Candidate, Mentions } from "./mentions";
import { t } from "../i18n";

/** The people offered after "@": members of this chat, picked with the mouse or the arrow keys. */
export function MentionList(props: { mentions: Mentions; onPick: (c: Candidate) => void }) {
  return (
    <Show when={props.mentions.query() !== null}>
      <div class="absolute bottom-full left-3 z-30 mb-1 w-72 rounded-lg border border-line bg-surface p-1 shadow-pop" data-testid="mention-list">
        <p class="px-2 py-1 text-[11px] font-semibold uppercase tracking-wider text-muted">{t("composer.mention")}</p>
        <ul role="listbox" id="mention-list" aria-label={t("composer.mention")}>
          <For each={props.mentions.matches()} fallback={<li class="px-2 py-2 text-[13px] text-muted">{t("composer.noOneFound")}</li>}>
            {(c, i) => (
              <li
                role="option"
                id={`mention-${c.id}`}
                aria-selected={i() === props.mentions.active()}
                class={`flex cursor-default items-center gap-2 rounded px-2 py-1.5 text-[13px] ${i() === props.mentions.active() ? "bg-subtle" : ""}`}
                onMouseDown={(e) => (e.preventDefault(), props.onPick(c))}
                data-testid="mention-option"
              >
                <Avatar id={c.id} name={c.name} hasPhoto={c.hasPhoto} size="xs" />
                {c.name}
              </li>
            )}
          </For>
        </ul>
      </div>
    </Show>
  );
}
