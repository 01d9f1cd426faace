import { ApiError, api, call, type Body } from "../../lib/api";

type ListBody = Body<Awaited<ReturnType<typeof api.calendar.events.$get>>>;
export type CalEvent = ListBody["items"][number];
export type Cal = ListBody["calendars"][number];
export type Details = NonNullable<CalEvent["details"]>;
export type Answer = "accepted" | "declined" | "maybe";
export type Scope = "this" | "following" | "all";
type CreateJson = Parameters<typeof api.calendar.events.$post>[0]["json"];
export type EventInput = CreateJson;
export type EventPatch = Parameters<(typeof api.calendar.events)[":id"]["$patch"]>[0]["json"];
export type SenderSettings = Body<Awaited<ReturnType<typeof api.calendar.sender.$get>>>;
export type Sender = SenderSettings["available"][number];
export type Planner = Body<Awaited<ReturnType<typeof api.calendar.planner.$get>>>;

export const isAllDayLike = (e: CalEvent) => e.allDay || Date.parse(e.end) - Date.parse(e.start) >= 86_400_000;

export async function listEvents(from: string, to: string) {
  return call(api.calendar.events.$get({ query: { from, to } }));
}

export async function getEvent(id: string) {
  return (await call(api.calendar.events[":id"].$get({ param: { id } }))).event;
}

export async function createEvent(json: EventInput) {
  return (await call(api.calendar.events.$post({ json }))).event;
}

/** Query for series edits: this occurrence, this and following, or all. */
function scopeQuery(scope?: Scope, occurrence?: string) {
  return scope && scope !== "all" ? { scope, occurrence } : { scope: "all" as const };
}

export async function patchEvent(id: string, json: EventPatch, scope?: Scope, occurrence?: string) {
  return (await call(api.calendar.events[":id"].$patch({ param: { id }, query: scopeQuery(scope, occurrence), json }))).event;
}

export async function cancelEvent(id: string, scope?: Scope, occurrence?: string) {
  await call(api.calendar.events[":id"].$delete({ param: { id }, query: scopeQuery(scope, occurrence) }));
}

export async function respond(id: string, answer: Answer) {
  return (await call(api.calendar.events[":id"].respond.$post({ param: { id }, json: { answer } }))).event;
}

export async function planner(userIds: string[], from: string, to: string, duration: number) {
  return call(api.calendar.planner.$get({ query: { userIds: userIds.join(","), from, to, duration: String(duration) } as never }));
}

export async function removeAttachment(id: string, fileId: string) {
  return (await call(api.calendar.events[":id"].attachments[":fileId"].$delete({ param: { id, fileId } }))).attachments;
}

export const senderSettings = () => call(api.calendar.sender.$get());
export const addSender = (json: { email: string; name: string; shared: boolean }) => call(api.calendar.sender.$post({ json }));
export const confirmSender = (code: string) => call(api.calendar.sender.confirm.$post({ json: { code } }));
export const chooseSender = (senderId: string) => call(api.calendar.sender.$put({ json: { senderId } }));

export async function setFeed(calendarId: string, on: boolean) {
  const p = { param: { id: calendarId } };
  return (await call(on ? api.calendar.calendars[":id"].feed.$post(p) : api.calendar.calendars[":id"].feed.$delete(p))).url;
}

/**
 * Multipart upload with progress (attachments, .ics import); the CSRF rule wants X-Kontor-Request on
 * non-JSON bodies. Resolves with the parsed JSON answer.
 */
export function uploadWithProgress<T>(path: string, file: File, onProgress?: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/v1${path}`);
    xhr.setRequestHeader("X-Kontor-Request", "1");
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress?.(e.loaded / e.total);
    xhr.onerror = () => reject(new ApiError(0, "network", "Network error"));
    xhr.onload = () => {
      let body: { error?: { code: string; message: string; field?: string } } & Record<string, unknown> = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON */
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as T);
      reject(new ApiError(xhr.status, body.error?.code ?? `http_${xhr.status}`, body.error?.message ?? xhr.statusText, body.error?.field));
    };
    const form = new FormData();
    form.append("file", file);
    xhr.send(form);
  });
}

export const uploadAttachment = (eventId: string, file: File, onProgress?: (f: number) => void) =>
  uploadWithProgress<{ attachments: Details["attachments"] }>(`/calendar/events/${encodeURIComponent(eventId)}/attachments`, file, onProgress);

export const importIcs = (calendarId: string, file: File, onProgress?: (f: number) => void) =>
  uploadWithProgress<{ imported: number; skipped: number }>(`/calendar/calendars/${encodeURIComponent(calendarId)}/import`, file, onProgress);
