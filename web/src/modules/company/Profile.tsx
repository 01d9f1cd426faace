import { For, Show, createResource, createSignal } from "solid-js";
import { A, useParams } from "@solidjs/router";
import Mail from "lucide-solid/icons/mail";
import Phone from "lucide-solid/icons/phone";
import Pencil from "lucide-solid/icons/pencil";
import Clock from "lucide-solid/icons/clock";
import CalendarDays from "lucide-solid/icons/calendar-days";
import { locale, t } from "../../lib/i18n";
import { api, call } from "../../lib/api";
import { isAdmin, me } from "../../lib/session";
import { formatDate, formatTime } from "../../lib/format";
import { photoVersion } from "../../lib/portal-state";
import { PageSkeleton } from "../../ui/Skeleton";
import { Avatar } from "../../ui/Avatar";
import { Badge } from "../../ui/Badge";
import { Button } from "../../ui/Button";
import { EmptyState } from "../../ui/EmptyState";
import { errorText } from "../../lib/toast";
import { ProfileEdit } from "./ProfileEdit";
import { PhotoUpload } from "./PhotoUpload";
import { InfoRow } from "./InfoRow";

/** STRUCT-2: a person's profile; their own (or the admin's view of anyone) is editable. */
export default function Profile() {
  const params = useParams<{ id: string }>();
  const [editing, setEditing] = createSignal(false);
  const [profile, { refetch, mutate }] = createResource(
    () => params.id,
    async (id) => {
      try {
        return { ok: true as const, ...(await call(api.people.users[":id"].$get({ param: { id } }))) };
      } catch (e) {
        return { ok: false as const, message: errorText(e) };
      }
    },
  );
  const p = () => {
    const r = profile.latest;
    return r && r.ok ? r : null;
  };
  const own = () => p()?.user.id === me()?.user.id;
  const canEdit = () => own() || isAdmin();
  const localTime = () =>
    new Intl.DateTimeFormat(locale(), { timeZone: p()!.user.timeZone, hour: "numeric", minute: "2-digit", hour12: me()?.portal.timeFormat === "12h" }).format(new Date());
  return (
    <Show when={profile.latest} fallback={<PageSkeleton />}>
      <Show when={p()} fallback={<EmptyState title={t("company.profileMissing")} text={(profile.latest as { message?: string }).message} />}>
        <div class="mx-auto max-w-4xl p-4 md:p-6">
          <div class="k-card flex flex-col gap-5 p-5 sm:flex-row sm:items-center">
            <div class="relative self-center sm:self-auto">
              <Avatar id={p()!.user.id} name={p()!.user.name} hasPhoto={p()!.user.hasPhoto} size="xl" presence={p()!.user.presence} version={photoVersion()} />
              <Show when={canEdit()}>
                <PhotoUpload userId={p()!.user.id} onUploaded={() => mutate((r) => (r && r.ok ? { ...r, user: { ...r.user, hasPhoto: true } } : r))} />
              </Show>
            </div>
            <div class="min-w-0 flex-1 text-center sm:text-left">
              <h2 class="text-xl font-semibold tracking-tight" data-testid="profile-name">
                {p()!.user.name}
              </h2>
              <p class="text-muted">{p()!.user.position || t("company.noPosition")}</p>
              <div class="mt-2 flex flex-wrap justify-center gap-1.5 sm:justify-start">
                <Badge tone={p()!.user.presence === "online" ? "success" : p()!.user.presence === "away" ? "warning" : "neutral"}>{t(`company.presence.${p()!.user.presence}`)}</Badge>
                <Show when={p()!.user.role !== "employee"}>
                  <Badge tone="accent">{t(`roles.${p()!.user.role}`)}</Badge>
                </Show>
                <Show when={p()!.user.status !== "active"}>
                  <Badge tone="danger">{t(`status.${p()!.user.status}`)}</Badge>
                </Show>
              </div>
            </div>
            <Show when={canEdit()}>
              <Button onClick={() => setEditing(true)} data-testid="profile-edit">
                <Pencil size={14} /> {t("common.edit")}
              </Button>
            </Show>
          </div>
          <div class="mt-4 grid gap-4 md:grid-cols-2">
            <section class="k-card p-5" aria-labelledby="org-h">
              <h3 id="org-h" class="mb-3 font-semibold">{t("company.organisation")}</h3>
              <dl class="space-y-3">
                <InfoRow label={t("company.department")}>
                  <Show when={p()!.department} fallback="—">
                    <A href={`/company/people?dept=${p()!.department!.id}`} class="text-accent hover:underline" data-testid="profile-department">
                      {p()!.department!.name}
                    </A>
                  </Show>
                </InfoRow>
                <InfoRow label={t("company.manager")}>
                  <Show when={p()!.manager} fallback="—">
                    <A href={`/company/people/${p()!.manager!.id}`} class="text-accent hover:underline">
                      {p()!.manager!.name}
                    </A>
                    <span class="text-muted"> · {p()!.manager!.position}</span>
                  </Show>
                </InfoRow>
                <Show when={p()!.headOf.length}>
                  <InfoRow label={t("company.headOf")}>
                    <For each={p()!.headOf}>{(d, i) => <>{i() ? ", " : ""}{d.name}</>}</For>
                  </InfoRow>
                </Show>
              </dl>
            </section>
            <section class="k-card p-5" aria-labelledby="contact-h">
              <h3 id="contact-h" class="mb-3 font-semibold">{t("company.contacts")}</h3>
              <dl class="space-y-3">
                <InfoRow label={t("company.email")} icon={<Mail size={14} />}>
                  <a href={`mailto:${p()!.user.email}`} class="break-all text-accent hover:underline">{p()!.user.email}</a>
                </InfoRow>
                <InfoRow label={t("company.phone")} icon={<Phone size={14} />}>
                  <Show when={p()!.user.phone} fallback="—">
                    <a href={`tel:${p()!.user.phone}`} class="text-accent hover:underline">{p()!.user.phone}</a>
                  </Show>
                </InfoRow>
                <InfoRow label={t("company.localTime")} icon={<Clock size={14} />}>
                  {localTime()} <span class="text-muted">({p()!.user.timeZone.replace(/_/g, " ")})</span>
                </InfoRow>
                <InfoRow label={t("company.memberSince")} icon={<CalendarDays size={14} />}>
                  {formatDate(p()!.user.createdAt)}
                  <Show when={p()!.user.lastSeenAt && p()!.user.presence !== "online"}>
                    <span class="text-muted"> · {t("company.lastSeen", { time: `${formatDate(p()!.user.lastSeenAt)} ${formatTime(p()!.user.lastSeenAt!)}` })}</span>
                  </Show>
                </InfoRow>
              </dl>
            </section>
          </div>
          <ProfileEdit open={editing()} user={p()!.user} onClose={() => setEditing(false)} onSaved={() => void refetch()} />
        </div>
      </Show>
    </Show>
  );
}
