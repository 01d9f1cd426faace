import { For, Show } from "solid-js";
import { A, useLocation } from "@solidjs/router";
import Lock from "lucide-solid/icons/lock";
import PanelLeftClose from "lucide-solid/icons/panel-left-close";
import PanelLeftOpen from "lucide-solid/icons/panel-left-open";
import UserCog from "lucide-solid/icons/user-cog";
import Settings from "lucide-solid/icons/settings";
import BadgeCheck from "lucide-solid/icons/badge-check";
import CreditCard from "lucide-solid/icons/credit-card";
import X from "lucide-solid/icons/x";
import { t } from "../../lib/i18n";
import { isAdmin, me } from "../../lib/session";
import { MODULE_ICONS, moduleAccess } from "../../lib/modules";
import { collapsed, navOpen, setNavOpen, toggleCollapsed } from "../../lib/layout";
import { Drawer, DrawerClose, DrawerTitle } from "../../ui/Dialog";
import { CountBadge } from "./CountBadge";
import { counter } from "../../lib/live";
import { PortalLogo } from "../../ui/Logo";

const ADMIN_LINKS = [
  { href: "/admin/people", key: "admin.nav.people", icon: UserCog },
  { href: "/admin/settings", key: "admin.nav.settings", icon: Settings },
  { href: "/admin/business-users", key: "admin.nav.businessUsers", icon: BadgeCheck },
  { href: "/admin/plan", key: "admin.nav.plan", icon: CreditCard },
] as const;

function NavItem(props: { href: string; label: string; icon: (p: { size?: number; class?: string }) => unknown; locked?: boolean; compact: boolean; count?: number }) {
  const location = useLocation();
  const active = () => location.pathname === props.href || location.pathname.startsWith(props.href + "/");
  const Icon = props.icon as (p: { size?: number; class?: string }) => never;
  return (
    <A
      href={props.href}
      onClick={() => setNavOpen(false)}
      aria-current={active() ? "page" : undefined}
      title={props.compact ? props.label : undefined}
      data-module-link={props.href.slice(1)}
      class={`group flex h-9 items-center gap-3 rounded-md px-2.5 text-[13.5px] transition-colors ${
        active() ? "bg-sidebar-active text-white" : "text-sidebar-fg hover:bg-sidebar-hover"
      } ${props.compact ? "justify-center" : ""}`}
    >
      <Icon size={18} class={active() ? "text-white" : "text-sidebar-muted group-hover:text-sidebar-fg"} />
      <Show when={!props.compact}>
        <span class="flex-1 truncate">{props.label}</span>
      </Show>
      <CountBadge count={props.locked ? 0 : (props.count ?? 0)} compact={props.compact} />
      <Show when={props.locked}>
        <Lock size={13} class={`text-sidebar-muted ${props.compact ? "absolute ml-6 mt-5" : ""}`} aria-label={t("shell.locked")} />
      </Show>
    </A>
  );
}

/** The list of modules (and admin screens): the same in the sidebar and in the mobile drawer. */
function NavList(props: { compact: boolean }) {
  return (
    <nav aria-label={t("shell.modules")} class="flex flex-1 flex-col gap-0.5 overflow-y-auto px-2 py-2">
      <For each={moduleAccess()}>
        {(m) => <NavItem href={`/${m.name}`} label={t(`modules.${m.name}.name`)} icon={MODULE_ICONS[m.name]} locked={!!m.locked} compact={props.compact} count={counter(m.name)} />}
      </For>
      <Show when={isAdmin()}>
        <div class={`mt-4 mb-1 px-2.5 text-[11px] font-semibold uppercase tracking-wider text-sidebar-muted ${props.compact ? "sr-only" : ""}`}>
          {t("admin.nav.title")}
        </div>
        <For each={ADMIN_LINKS}>{(l) => <NavItem href={l.href} label={t(l.key)} icon={l.icon} compact={props.compact} />}</For>
      </Show>
    </nav>
  );
}

export function Sidebar() {
  return (
    <aside class={`hidden shrink-0 flex-col bg-sidebar md:flex ${collapsed() ? "w-14" : "w-56"} transition-[width]`} aria-label={t("shell.sidebar")}>
      <div class={`flex h-12 items-center border-b border-white/5 px-3 ${collapsed() ? "justify-center" : "justify-between"}`}>
        <Show when={!collapsed()}>
          <span class="text-[15px] font-semibold tracking-tight text-white">Kontor</span>
        </Show>
        <button
          type="button"
          onClick={toggleCollapsed}
          class="rounded p-1.5 text-sidebar-muted hover:bg-sidebar-hover hover:text-white"
          aria-label={collapsed() ? t("shell.expand") : t("shell.collapse")}
          aria-expanded={!collapsed()}
        >
          {collapsed() ? <PanelLeftOpen size={17} /> : <PanelLeftClose size={17} />}
        </button>
      </div>
      <NavList compact={collapsed()} />
    </aside>
  );
}

/** Below 768 px the navigation is a drawer opened from the header. */
export function MobileNav() {
  return (
    <Drawer open={navOpen()} onOpenChange={setNavOpen} side="left" label={t("shell.modules")} class="bg-sidebar">
      <div class="flex h-12 items-center gap-2 border-b border-white/5 px-3">
        <PortalLogo name={me()?.portal.name ?? ""} hasLogo={me()?.portal.hasLogo} class="h-7 w-7 text-[12px]" />
        <DrawerTitle class="flex-1 truncate font-semibold text-white">{me()?.portal.name}</DrawerTitle>
        <DrawerClose class="rounded p-1.5 text-sidebar-muted hover:bg-sidebar-hover" aria-label={t("common.close")}>
          <X size={17} />
        </DrawerClose>
      </div>
      <NavList compact={false} />
    </Drawer>
  );
}
