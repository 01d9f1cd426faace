import type { Component } from "solid-js";
import Newspaper from "lucide-solid/icons/newspaper";
import MessagesSquare from "lucide-solid/icons/messages-square";
import ListChecks from "lucide-solid/icons/list-checks";
import Handshake from "lucide-solid/icons/handshake";
import CalendarDays from "lucide-solid/icons/calendar-days";
import HardDrive from "lucide-solid/icons/hard-drive";
import UsersRound from "lucide-solid/icons/users-round";
import Building2 from "lucide-solid/icons/building";
import { me, type ModuleName } from "./session";

export const MODULE_ICONS: Record<ModuleName, Component<{ size?: number; class?: string }>> = {
  feed: Newspaper,
  messenger: MessagesSquare,
  tasks: ListChecks,
  crm: Handshake,
  calendar: CalendarDays,
  drive: HardDrive,
  groups: UsersRound,
  company: Building2,
};

export type Access = { name: ModuleName; locked: "no_business_seat" | "extranet" | null };

/** The modules of the portal as this user may see them (the server says what is locked and why). */
export function moduleAccess(): Access[] {
  return (me()?.portal.moduleAccess ?? []) as Access[];
}

export function accessOf(name: string): Access | undefined {
  return moduleAccess().find((a) => a.name === name);
}

/** The first page after sign-in: the feed when the portal has it on, else the company module, else the first open one. */
export function homePath(): string {
  const open = moduleAccess().filter((a) => !a.locked);
  if (open.some((a) => a.name === "feed")) return "/feed";
  if (open.some((a) => a.name === "company")) return "/company";
  return open[0] ? `/${open[0].name}` : "/account";
}
