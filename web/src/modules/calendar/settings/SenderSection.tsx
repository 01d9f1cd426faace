import { For, Show, createSignal } from "solid-js";
import Mail from "lucide-solid/icons/mail";
import CircleCheck from "lucide-solid/icons/circle-check";
import { Button } from "../../../ui/Button";
import { Badge } from "../../../ui/Badge";
import { toast, toastError } from "../../../lib/toast";
import { chooseSender, senderSettings } from "../data";
import { createLoader } from "../loader";
import { t } from "../i18n";
import { SenderSetup } from "./SenderSetup";

/** "Send invitations from": the chosen address, the others to choose from, and adding a new one with its code. */
export function SenderSection() {
  const [version, setVersion] = createSignal(0);
  const settings = createLoader(version, senderSettings);
  const [adding, setAdding] = createSignal<false | "new" | "code">(false);
  const reload = () => setVersion((v) => v + 1);
  const current = () => settings.value()?.sender ?? null;
  const pending = () => settings.value()?.available.find((s) => !s.confirmed && s.mine);
  const choose = async (id: string) => {
    try {
      await chooseSender(id);
      toast(t("sender.chosen"), "success");
      reload();
    } catch (e) {
      toastError(e);
    }
  };
  return (
    <section class="k-card p-4 md:p-5" aria-labelledby="sender-title" data-testid="sender-section">
      <h2 id="sender-title" class="flex items-center gap-2 text-[15px] font-semibold">
        <Mail size={17} class="text-muted" /> {t("sender.title")}
      </h2>
      <p class="mt-1 text-[13px] text-muted">{t("sender.help")}</p>
      <div class="mt-3 rounded-md bg-subtle px-3 py-2" data-testid="sender-current">
        <span class="text-[12px] text-muted">{t("sender.current")}: </span>
        <Show when={current()} fallback={<span>{t("sender.none")}</span>}>
          <span class="font-medium">
            {current()!.name} &lt;{current()!.email}&gt;
          </span>
        </Show>
      </div>
      <ul class="mt-3 space-y-1.5">
        <For each={settings.value()?.available ?? []}>
          {(s) => (
            <li class="flex flex-wrap items-center gap-2 rounded-md border border-line px-3 py-2" data-sender={s.email}>
              <span class="min-w-0 flex-1 truncate">
                {s.name} &lt;{s.email}&gt;
              </span>
              <Show when={s.shared}>
                <Badge tone="accent">{t("sender.sharedBadge")}</Badge>
              </Show>
              <Show when={!s.confirmed} fallback={
                <Show when={current()?.id === s.id} fallback={<Button size="sm" onClick={() => choose(s.id)}>{t("sender.choose")}</Button>}>
                  <CircleCheck size={17} class="text-success" aria-label={t("sender.current")} />
                </Show>
              }>
                <Badge tone="warning">{t("sender.awaiting")}</Badge>
                <Show when={s.mine && s.id === pending()?.id}>
                  <Button size="sm" onClick={() => setAdding("code")}>
                    {t("sender.confirm")}
                  </Button>
                </Show>
              </Show>
            </li>
          )}
        </For>
      </ul>
      <div class="mt-3">
        <Show when={adding()} fallback={<Button onClick={() => setAdding("new")} data-testid="sender-add">{t("sender.add")}</Button>}>
          <div class="rounded-md border border-line p-3">
            <SenderSetup
              startWithCode={adding() === "code" ? pending()?.email : undefined}
              onCancel={() => setAdding(false)}
              onConfirmed={() => {
                toast(t("sender.confirmed"), "success");
                setAdding(false);
                reload();
              }}
            />
          </div>
        </Show>
      </div>
    </section>
  );
}
