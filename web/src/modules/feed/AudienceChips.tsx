import { For } from "solid-js";
import Globe from "lucide-solid/icons/globe";
import Building from "lucide-solid/icons/building";
import User from "lucide-solid/icons/user";
import Users from "lucide-solid/icons/users";
import { ft } from "./i18n";
import type { Post } from "./api";

const ICONS = { company: Globe, department: Building, user: User, group: Users };

/** Who can read the post, as small chips next to the author (people added to a company post add nothing). */
export function AudienceChips(props: { audience: Post["audience"] }) {
  return (
    <span class="inline-flex flex-wrap items-center gap-1" aria-label={ft("post.visibleTo")}>
      <For each={props.audience.some((a) => a.kind === "company") ? props.audience.filter((a) => a.kind === "company") : props.audience}>
        {(a) => {
          const Icon = ICONS[a.kind];
          return (
            <span class="inline-flex max-w-44 items-center gap-1 rounded bg-subtle px-1.5 py-px text-[11.5px] text-muted" data-audience={a.kind}>
              <Icon size={11} aria-hidden="true" />
              <span class="truncate">{a.kind === "company" ? ft("audience.company") : (a.name ?? "…")}</span>
            </span>
          );
        }}
      </For>
    </span>
  );
}
