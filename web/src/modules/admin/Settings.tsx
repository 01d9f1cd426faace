import { Show, createEffect, createSignal } from "solid-js";
import { createStore, reconcile, unwrap } from "solid-js/store";
import { portalSettingsPatchSchema } from "../../../../worker/modules/portal/schemas";
import { t } from "../../lib/i18n";
import { ApiError, api, call } from "../../lib/api";
import { refreshMe } from "../../lib/session";
import { errorText, toast } from "../../lib/toast";
import { issueText } from "../../lib/validate";
import { PageHeader } from "../../ui/PageHeader";
import { PageSkeleton } from "../../ui/Skeleton";
import { Button } from "../../ui/Button";
import { usePortal, type AdminSettings, type PortalView } from "./data";
import { GeneralSection } from "./settings/GeneralSection";
import { ScheduleSection } from "./settings/ScheduleSection";
import { ModulesSection } from "./settings/ModulesSection";
import { SecuritySection } from "./settings/SecuritySection";
import { RegistrationSection } from "./settings/RegistrationSection";
import { FeedSection } from "./settings/FeedSection";

export type Draft = AdminSettings & { name: string };
export type SettingsProps = { draft: Draft; set: (k: keyof Draft, v: unknown) => void; errors: Record<string, string>; portal: PortalView };

const clone = <T,>(v: T): T => JSON.parse(JSON.stringify(v));

/** PORTAL-3: the portal's settings; only what changed is sent, and a refusal lands on its field. */
export default function Settings() {
  const [portal, { mutate }] = usePortal();
  const [draft, setDraft] = createStore<Draft>({} as Draft);
  const [original, setOriginal] = createSignal<Draft | null>(null);
  const [errors, setErrors] = createStore<Record<string, string>>({});
  const [busy, setBusy] = createSignal(false);

  createEffect(() => {
    const p = portal();
    if (p && "settings" in p && p.settings && !original()) {
      const d = clone({ ...p.settings, name: p.portal.name }) as Draft;
      setOriginal(d);
      setDraft(reconcile(clone(d)));
    }
  });
  const changed = () => {
    const o = original();
    if (!o) return {};
    const now = draft as Record<string, unknown>; // read through the store so the save button reacts
    return Object.fromEntries(Object.keys(now).filter((k) => JSON.stringify(now[k]) !== JSON.stringify((o as Record<string, unknown>)[k])).map((k) => [k, now[k]]));
  };
  const dirty = () => Object.keys(changed()).length > 0;
  const set = (k: keyof Draft, v: unknown) => {
    setDraft(k as never, clone(v) as never);
    setErrors(k as string, undefined as never);
  };

  const save = async (e: SubmitEvent) => {
    e.preventDefault();
    const patch = changed();
    const r = portalSettingsPatchSchema.safeParse(patch);
    if (!r.success) {
      const errs: Record<string, string> = {};
      for (const i of r.error.issues) errs[String(i.path[0])] ??= issueText(i as never);
      setErrors(reconcile(errs));
      toast(t("admin.settings.fixErrors"), "error");
      return;
    }
    setBusy(true);
    try {
      const view = await call(api.portal.settings.$patch({ json: r.data }));
      mutate(view);
      setOriginal(clone(unwrap(draft)));
      setErrors(reconcile({}));
      await refreshMe();
      toast(t("admin.settings.saved"), "success");
    } catch (err) {
      if (err instanceof ApiError && err.field) setErrors(err.field.split(".")[0], errorText(err));
      toast(errorText(err), "error");
    } finally {
      setBusy(false);
    }
  };

  return (
    <Show when={original() && portal()} fallback={<PageSkeleton />}>
      <form onSubmit={save} novalidate data-testid="settings-form">
        <PageHeader
          title={t("admin.settings.title")}
          subtitle={t("admin.settings.subtitle")}
          actions={
            <>
              <Button disabled={!dirty() || busy()} onClick={() => (setDraft(reconcile(clone(original()!))), setErrors(reconcile({})))}>
                {t("admin.settings.discard")}
              </Button>
              <Button type="submit" variant="primary" busy={busy()} disabled={!dirty()} data-testid="settings-save">
                {t("common.save")}
              </Button>
            </>
          }
        />
        <div class="mx-auto max-w-3xl space-y-4 p-4 md:p-6">
          <GeneralSection draft={draft} set={set} errors={errors} portal={portal()!} />
          <ScheduleSection draft={draft} set={set} errors={errors} portal={portal()!} />
          <ModulesSection draft={draft} set={set} errors={errors} portal={portal()!} />
          <FeedSection draft={draft} set={set} errors={errors} portal={portal()!} />
          <SecuritySection draft={draft} set={set} errors={errors} portal={portal()!} />
          <RegistrationSection draft={draft} set={set} errors={errors} portal={portal()!} onPortal={mutate} />
        </div>
      </form>
    </Show>
  );
}
