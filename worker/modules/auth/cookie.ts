import type { Context } from "hono";
import { getCookie, setCookie, deleteCookie } from "hono/cookie";

/** Host-only cookie: no Domain attribute, so tenants never share it; __Host- prefix where https. */
function cookieName(c: Context) {
  return new URL(c.req.url).protocol === "https:" ? "__Host-kontor_sid" : "kontor_sid";
}

export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, cookieName(c));
}

export function writeSessionCookie(c: Context, token: string, maxAge: number) {
  const secure = new URL(c.req.url).protocol === "https:";
  setCookie(c, cookieName(c), token, { httpOnly: true, sameSite: "Lax", path: "/", secure, maxAge });
}

export function clearSessionCookie(c: Context) {
  const secure = new URL(c.req.url).protocol === "https:";
  deleteCookie(c, cookieName(c), { path: "/", secure });
}
