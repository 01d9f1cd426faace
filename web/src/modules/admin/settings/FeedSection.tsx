import { For, Show, createResource } from "solid-js";
import X from "lucide-solid/icons/x";
import { t } from "../../../lib/i18n";
import { api, call } from "../../../lib/api";
import { PersonPicker } from "../../company/PersonPicker";
import { Section } from "../Section";
import type { SettingsProps } from "../Settings";

function PersonChip(props: { id: string; onRemove: () => void }) {
  const [p] = createResource(() => props.id, async (id) => (await call(api.people.users[":id"].$get({ param: { id } }))).user);
  return (
    <li class="inline-flex h-7 items-center gap-1 rounded-full bg-subtle pl-3 pr-1 text-[13px]">
      {p.latest?.name ?? "…"}
      <button type="button" class="rounded-full p-0.5 text-muted hover:bg-line" aria-label={t("common.remove")} onClick={props.onRemove}>
        <X size={13} />
      </button>
    </li>
  );
}

/** FEED-6: who may post to the whole company. */
export function FeedSection(props: SettingsProps) {
  const fp = () => props.draft.feedPosting;
  const radio = (mode: "everyone" | "list", label: string) => (
    <label class="flex items-center gap-2 text-[13.5px]">
      <input type="radio" name="feed-mode" class="accent-[var(--k-accent)]" checked={fp().mode === mode} onChange={() => props.set("feedPosting", { ...fp(), mode })} />
      {label}
    </label>
  );
  return (
    <Section id="feed" title={t("admin.settings.feedPosting")} description={t("admin.settings.feedPostingText")}>
      <div class="flex flex-col gap-2" role="radiogroup" aria-label={t("admin.settings.feedPosting")}>
        {radio("everyone", t("admin.settings.feedEveryone"))}
        {radio("list", t("admin.settings.feedList"))}
      </div>
      <Show when={fp().mode === "list"}>
        <ul class="flex flex-wrap gap-1.5">
          <For each={fp().userIds}>{(id) => <PersonChip id={id} onRemove={() => props.set("feedPosting", { ...fp(), userIds: fp().userIds.filter((x) => x !== id) })} />}</For>
        </ul>
        <div class="max-w-sm">
          <PersonPicker
            label={t("admin.settings.feedAdd")}
            value=""
            onChange={(id) => id && !fp().userIds.includes(id) && props.set("feedPosting", { ...fp(), userIds: [...fp().userIds, id] })}
            error={props.errors.feedPosting}
          />
        </div>
      </Show>
    </Section>
  );
}
