import type { users } from "../../../db/schema/people";

type UserRow = typeof users.$inferSelect;

/** Online within 5 minutes, away within 30 (live presence arrives with the realtime backbone). */
export function presenceOf(lastSeenAt: string | null, now = Date.now()): "online" | "away" | "offline" {
  if (!lastSeenAt) return "offline";
  const age = now - Date.parse(lastSeenAt);
  return age < 5 * 60_000 ? "online" : age < 30 * 60_000 ? "away" : "offline";
}

/** The one public shape of a user; never the password hash or TOTP secret. */
export function toUserDto(u: UserRow) {
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    position: u.position,
    phone: u.phone,
    role: u.role,
    status: u.status,
    departmentId: u.departmentId,
    businessUser: u.businessUser,
    hasPhoto: u.hasPhoto,
    language: u.language,
    timeZone: u.timeZone,
    presence: presenceOf(u.lastSeenAt),
    lastSeenAt: u.lastSeenAt,
    createdAt: u.createdAt,
  };
}
export type UserDto = ReturnType<typeof toUserDto>;
