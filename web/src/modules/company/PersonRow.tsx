import { Show } from "solid-js";
import { A } from "@solidjs/router";
import Mail from "lucide-solid/icons/mail";
import Phone from "lucide-solid/icons/phone";
import { t } from "../../lib/i18n";
import { Avatar } from "../../ui/Avatar";
import { departmentName, type Person } from "./data";

export function PersonRow(props: { person: Person }) {
  return (
    <li class="flex items-center gap-3 px-4 py-2.5 hover:bg-subtle/60" data-person={props.person.name}>
      <A href={`/company/people/${props.person.id}`} class="flex min-w-0 flex-1 items-center gap-3">
        <Avatar id={props.person.id} name={props.person.name} hasPhoto={props.person.hasPhoto} presence={props.person.presence} size="md" />
        <span class="min-w-0 flex-1">
          <span class="block truncate font-medium">{props.person.name}</span>
          <span class="block truncate text-[12.5px] text-muted">
            {[props.person.position, departmentName(props.person.departmentId)].filter(Boolean).join(" · ")}
          </span>
        </span>
      </A>
      <div class="hidden shrink-0 items-center gap-1 md:flex">
        <a href={`mailto:${props.person.email}`} class="inline-flex h-8 items-center gap-1.5 rounded-md px-2 text-[13px] text-muted hover:bg-subtle hover:text-fg" title={t("company.email")}>
          <Mail size={14} /> <span class="max-w-52 truncate">{props.person.email}</span>
        </a>
        <Show when={props.person.phone}>
          <a href={`tel:${props.person.phone}`} class="inline-flex h-8 items-center gap-1.5 rounded-md px-2 text-[13px] text-muted hover:bg-subtle hover:text-fg" title={t("company.phone")}>
            <Phone size={14} /> {props.person.phone}
          </a>
        </Show>
      </div>
    </li>
  );
}
