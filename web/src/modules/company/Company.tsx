import { Show, type JSX } from "solid-js";
import { A, useLocation } from "@solidjs/router";
import Network from "lucide-solid/icons/network";
import Contact from "lucide-solid/icons/contact";
import { t } from "../../lib/i18n";
import { accessOf } from "../../lib/modules";
import { LockedModule } from "../../routes/shell/LockedModule";

const tab = "inline-flex h-10 items-center gap-1.5 border-b-2 px-1 text-[13px] font-medium";

/** The company module: structure and the employee directory (profiles open inside it). */
export default function Company(props: { children?: JSX.Element }) {
  const location = useLocation();
  const active = (p: string) => location.pathname.startsWith(p);
  const locked = () => accessOf("company")?.locked;
  return (
    <Show when={!locked()} fallback={<LockedModule module="company" reason={locked()!} />}>
      <div class="flex h-full flex-col">
        <div class="border-b border-line bg-surface px-4 md:px-6">
          <div class="flex items-center gap-6">
            <h1 class="py-2 text-lg font-semibold tracking-tight">{t("modules.company.name")}</h1>
            <nav class="flex gap-5" aria-label={t("modules.company.name")}>
              <A href="/company/structure" class={`${tab} ${active("/company/structure") ? "border-accent text-fg" : "border-transparent text-muted hover:text-fg"}`}>
                <Network size={15} /> {t("company.structure")}
              </A>
              <A href="/company/people" class={`${tab} ${active("/company/people") ? "border-accent text-fg" : "border-transparent text-muted hover:text-fg"}`}>
                <Contact size={15} /> {t("company.employees")}
              </A>
            </nav>
          </div>
        </div>
        <div class="min-h-0 flex-1">{props.children}</div>
      </div>
    </Show>
  );
}
