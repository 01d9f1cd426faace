import { Show, type JSX } from "solid-js";
import { accessOf } from "../../lib/modules";
import { t as tApp } from "../../lib/i18n";
import { LockedModule } from "../../routes/shell/LockedModule";
import { EmptyState } from "../../ui/EmptyState";
import { useLiveRefresh } from "./live-refresh";

/** The calendar module: needs a business seat (the shell explains a locked module); refreshes live. */
export function Calendar(props: { children?: JSX.Element }) {
  const access = () => accessOf("calendar");
  useLiveRefresh();
  return (
    <Show when={access()} fallback={<EmptyState title={tApp("shell.switchedOffTitle", { module: tApp("modules.calendar.name") })} text={tApp("shell.switchedOffText")} />}>
      <Show when={!access()!.locked} fallback={<LockedModule module="calendar" reason={access()!.locked!} />}>
        {props.children}
      </Show>
    </Show>
  );
}
