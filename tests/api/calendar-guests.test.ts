import { describe, it, expect } from "vitest";
import { newPortal, newEmployee, expectError, mailbox } from "./helpers";
import { openSocket } from "./live-helpers";
import { confirmSender, guestLink, guestMails, icsOf, openGuestPage, personalCalendarId } from "./calendar-helpers";

const inAWeek = (h: number) => new Date(Date.UTC(2030, 0, 7, h, 0, 0)).toISOString();

async function setup(plan = "basic") {
  const p = await newPortal({ plan });
  const colleague = await newEmployee(p, "Cole League");
  const calendarId = await personalCalendarId(p.admin);
  return { ...p, colleague, calendarId };
}

describe("CAL-3 e-mail guests, the seed flow", () => {
  it("needs a confirmed sender address before guests can be invited", async () => {
    const p = await setup();
    const body = { calendarId: p.calendarId, title: "Kickoff", start: inAWeek(9), end: inAWeek(10), guests: [{ email: "guest@client.test", firstName: "Gina", lastName: "Guest" }] };
    expectError(await p.admin.json("POST", "/api/v1/calendar/events", body), 409, "sender_required");
    expect((await guestMails("guest@client.test")).length).toBe(0);
    expect((await p.admin.json("POST", "/api/v1/calendar/sender", { email: "me@org.test", name: "Me", shared: false })).status).toBe(201);
    expectError(await p.admin.json("POST", "/api/v1/calendar/sender/confirm", { code: "000000" }), 400, "invalid_code");
    await confirmSender(p.admin, "me2@org.test", "Anna Organizer");
    expect((await p.admin.json("GET", "/api/v1/calendar/sender")).body.sender).toMatchObject({ email: "me2@org.test", confirmed: true });
    expect((await p.admin.json("POST", "/api/v1/calendar/events", body)).status).toBe(201);
  });

  it("a shared sender address can be used by every employee", async () => {
    const p = await setup();
    await confirmSender(p.admin, "office@org.test", "Office", true);
    const available = (await p.colleague.client.json("GET", "/api/v1/calendar/sender")).body.available;
    const office = available.find((s: any) => s.email === "office@org.test");
    expect(office).toMatchObject({ mine: false, confirmed: true });
    expect((await p.colleague.client.json("PUT", "/api/v1/calendar/sender", { senderId: office.id })).status).toBe(200);
  });

  it("invites on save with METHOD:REQUEST, lets the guest answer by POST only, updates and cancels", async () => {
    const p = await setup();
    await confirmSender(p.admin, "anna@org.test", "Anna Organizer");
    const created = await p.admin.json("POST", "/api/v1/calendar/events", {
      calendarId: p.calendarId, title: "Contract review", start: inAWeek(9), end: inAWeek(10), timeZone: "Europe/Berlin", location: "Room 1",
      attendeeIds: [p.colleague.id], guests: [{ email: "gina@client.test", firstName: "Gina", lastName: "Guest" }], options: { notifyOnDecision: true, guestsSeeAttendees: false },
    });
    expect(created.status).toBe(201);
    const event = created.body.event;
    expect(event.details.guests).toEqual([expect.objectContaining({ email: "gina@client.test", status: "pending", invited: true })]);
    const [invite] = await guestMails("gina@client.test");
    const ics = icsOf(invite);
    expect(ics).toMatchObject({ method: "REQUEST", uid: event.details.uid, sequence: 0, summary: "Contract review" });
    expect(ics.start.toJSDate().toISOString()).toBe(inAWeek(9));
    expect(ics.end.toJSDate().toISOString()).toBe(inAWeek(10));
    expect(ics.organizer).toContain("anna@org.test");
    expect(ics.attendees).toEqual([{ email: "gina@client.test", partstat: "NEEDS-ACTION" }]);
    expect(invite.text).toContain("Room 1");

    // The guest page: GET shows and never changes; mail scanners may open it freely.
    const link = guestLink(invite);
    const page = await openGuestPage(link, { headers: { "accept-language": "de-DE,de;q=0.9" } });
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain("Contract review");
    expect(html).toContain("Zusagen");
    expect(html).not.toContain("Cole League");
    await openGuestPage(link);
    expect((await p.admin.json("GET", `/api/v1/calendar/events/${event.id}`)).body.event.details.guests[0].status).toBe("pending");

    // A POST from another origin is refused; from the page itself it answers.
    expect((await openGuestPage(link, { method: "POST", headers: { origin: "http://evil.test", "content-type": "application/x-www-form-urlencoded" }, body: "answer=decline" })).status).toBe(403);
    const live = await openSocket(p.admin, "/api/v1/live");
    const origin = new URL(link).origin;
    const answered = await openGuestPage(link, { method: "POST", headers: { origin, "content-type": "application/x-www-form-urlencoded" }, body: "answer=decline" });
    expect(answered.status).toBe(303);
    const note = await live.next((f) => f.type === "notification" && f.item.type === "calendar.guest_answer");
    expect(note.item.data).toMatchObject({ answer: "declined", guestEmail: "gina@client.test" });
    expect((await mailbox("admin@" + p.slug + ".test")).some((m) => m.subject.includes("declined"))).toBe(true);
    live.close();
    // The answer can be changed later.
    expect((await (await openGuestPage(link, { method: "POST", headers: { origin, "content-type": "application/json" }, body: JSON.stringify({ answer: "accept" }) })).json())).toEqual({ status: "accepted" });

    // Moving the event mails an update: same UID, SEQUENCE + 1.
    const moved = await p.admin.json("PATCH", `/api/v1/calendar/events/${event.id}`, { start: inAWeek(14), end: inAWeek(15) });
    expect(moved.status).toBe(200);
    const update = icsOf((await guestMails("gina@client.test"))[1]);
    expect(update).toMatchObject({ method: "REQUEST", uid: event.details.uid, sequence: 1 });
    expect(update.start.toJSDate().toISOString()).toBe(inAWeek(14));
    // A change guests need not hear about (reminders) sends nothing.
    await p.admin.json("PATCH", `/api/v1/calendar/events/${event.id}`, { reminders: [30] });
    expect(await guestMails("gina@client.test")).toHaveLength(2);

    // Cancelling sends METHOD:CANCEL with the same UID and a higher SEQUENCE.
    expect((await p.admin.json("DELETE", `/api/v1/calendar/events/${event.id}`)).status).toBe(200);
    const cancel = icsOf((await guestMails("gina@client.test"))[2]);
    expect(cancel).toMatchObject({ method: "CANCEL", uid: event.details.uid, sequence: 2, status: "CANCELLED" });
    const after = await (await openGuestPage(link)).text();
    expect(after).toContain("cancelled");
  });

  it("lists attendees to guests only when allowed, and serves attachments through the link as downloads", async () => {
    const p = await setup();
    await confirmSender(p.admin, "anna@org.test", "Anna");
    const event = (
      await p.admin.json("POST", "/api/v1/calendar/events", {
        calendarId: p.calendarId, title: "Workshop", start: inAWeek(9), end: inAWeek(10), attendeeIds: [p.colleague.id],
        guests: [{ email: "a@client.test", firstName: "Ada", lastName: "A" }], options: { notifyOnDecision: false, guestsSeeAttendees: true },
      })
    ).body.event;
    const form = new FormData();
    form.append("file", new File(["<script>alert(1)</script>"], "agenda.html", { type: "text/html" }));
    const up = await p.admin.request("POST", `/api/v1/calendar/events/${event.id}/attachments`, form, { "x-kontor-request": "1" });
    expect(up.status).toBe(201);
    const fileId = (await up.json() as any).attachments[0].id;
    const [invite] = await guestMails("a@client.test");
    expect(icsOf(invite).attendees.map((a) => a.email).sort()).toEqual(["a@client.test", p.colleague.email].sort());
    const link = guestLink(invite);
    const html = await (await openGuestPage(link)).text();
    expect(html).toContain("Cole League");
    expect(html).toContain("agenda.html");
    const file = await openGuestPage(`${link}/files/${fileId}`);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-disposition")).toMatch(/^attachment/);
    expect(file.headers.get("content-type")).toBe("application/octet-stream");
    expect(file.headers.get("x-content-type-options")).toBe("nosniff");
    await file.text();
  });

  it("removing a guest revokes their link and mails a cancellation; links of other portals and bad tokens show a clear page", async () => {
    const p = await setup();
    await confirmSender(p.admin, "anna@org.test", "Anna");
    const event = (
      await p.admin.json("POST", "/api/v1/calendar/events", {
        calendarId: p.calendarId, title: "Demo", start: inAWeek(9), end: inAWeek(10),
        guests: [{ email: "x@client.test", firstName: "Xa", lastName: "X" }, { email: "y@client.test", firstName: "Yo", lastName: "Y" }],
      })
    ).body.event;
    const link = guestLink((await guestMails("x@client.test"))[0]);
    await p.admin.json("PATCH", `/api/v1/calendar/events/${event.id}`, { guests: [{ email: "y@client.test", firstName: "Yo", lastName: "Y" }] });
    const removed = await openGuestPage(link);
    expect(removed.status).toBe(404);
    expect(await removed.text()).not.toContain("Demo");
    expect(icsOf((await guestMails("x@client.test"))[1]).method).toBe("CANCEL");
    expect(icsOf((await guestMails("y@client.test"))[1]).method).toBe("REQUEST");
    const other = await newPortal();
    const yLink = guestLink((await guestMails("y@client.test"))[1]);
    const foreign = await openGuestPage(yLink.replace(p.host, other.host));
    expect(foreign.status).toBe(404);
    expect(await foreign.text()).not.toContain("Demo");
    expect((await openGuestPage(`http://${p.host}/g/not-a-real-token-at-all-xxxxxxxx`)).status).toBe(404);
    expect((await openGuestPage(`http://kontor.localhost/g/${yLink.split("/g/")[1]}`)).status).toBe(404);
  });

  it("expires links after the event ends", async () => {
    const p = await setup();
    await confirmSender(p.admin, "anna@org.test", "Anna");
    const past = (h: number) => new Date(Date.UTC(2020, 0, 7, h)).toISOString();
    await p.admin.json("POST", "/api/v1/calendar/events", { calendarId: p.calendarId, title: "Old", start: past(9), end: past(10), guests: [{ email: "old@client.test", firstName: "Olga", lastName: "O" }] });
    const res = await openGuestPage(guestLink((await guestMails("old@client.test"))[0]));
    expect(res.status).toBe(410);
    expect(await res.text()).toContain("expired");
  });

  it("free plan: at most 10 events with e-mail guests per portal", async () => {
    const p = await setup("free");
    await confirmSender(p.admin, "anna@org.test", "Anna");
    for (let i = 0; i < 10; i++) {
      const r = await p.admin.json("POST", "/api/v1/calendar/events", { calendarId: p.calendarId, title: `E${i}`, start: inAWeek(9), end: inAWeek(10), guests: [{ email: `g${i}@client.test`, firstName: "G", lastName: "" }] });
      expect(r.status).toBe(201);
    }
    expectError(await p.admin.json("POST", "/api/v1/calendar/events", { calendarId: p.calendarId, title: "E11", start: inAWeek(9), end: inAWeek(10), guests: [{ email: "g11@client.test", firstName: "G", lastName: "" }] }), 403, "plan_limit");
    expect((await p.admin.json("POST", "/api/v1/calendar/events", { calendarId: p.calendarId, title: "No guests", start: inAWeek(9), end: inAWeek(10) })).status).toBe(201);
  });
});
