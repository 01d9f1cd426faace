import { Show } from "solid-js";
import { useNavigate } from "@solidjs/router";
import Menu from "lucide-solid/icons/menu";
import Search from "lucide-solid/icons/search";
import { t } from "../../lib/i18n";
import { me } from "../../lib/session";
import { setNavOpen } from "../../lib/layout";
import { portalLogoVersion } from "../../lib/portal-state";
import { PortalLogo } from "../../ui/Logo";
import { IconButton } from "../../ui/Button";
import { NotificationBell } from "./NotificationBell";
import { LiveIndicator } from "./LiveIndicator";
import { UserMenu } from "./UserMenu";

export function Header() {
  const navigate = useNavigate();
  const search = (e: SubmitEvent) => {
    e.preventDefault();
    const q = String(new FormData(e.currentTarget as HTMLFormElement).get("q") ?? "").trim();
    navigate(`/company/people${q ? `?q=${encodeURIComponent(q)}` : ""}`);
  };
  return (
    <header class="flex h-12 shrink-0 items-center gap-2 border-b border-line bg-surface px-2 md:px-4">
      <IconButton label={t("shell.openMenu")} class="md:hidden" onClick={() => setNavOpen(true)}>
        <Menu size={19} />
      </IconButton>
      <a href="/" class="flex min-w-0 items-center gap-2 rounded-md pr-2">
        <PortalLogo name={me()?.portal.name ?? ""} hasLogo={me()?.portal.hasLogo} version={portalLogoVersion()} class="h-7 w-7 text-[12px]" />
        <span class="truncate font-semibold" data-testid="portal-name">
          {me()?.portal.name}
        </span>
      </a>
      <div class="flex-1" />
      <Show when={me()?.user.role !== "extranet"}>
        <form role="search" onSubmit={search} class="relative hidden w-64 lg:block">
          <Search size={15} class="pointer-events-none absolute left-2.5 top-1/2 -translate-y-1/2 text-muted" aria-hidden="true" />
          <input name="q" type="search" class="k-input h-8 pl-8 text-[13px]" placeholder={t("shell.searchPeople")} aria-label={t("shell.searchPeople")} />
        </form>
      </Show>
      <LiveIndicator />
      <NotificationBell />
      <UserMenu />
    </header>
  );
}
