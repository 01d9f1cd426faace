import { For, createSignal } from "solid-js";
import { Dialog } from "../../ui/Dialog";
import { Button } from "../../ui/Button";
import { t as tApp } from "../../lib/i18n";
import { t } from "./i18n";
import type { Scope } from "./data";

type Ask = { kind: "change" | "cancel"; resolve: (s: Scope | null) => void };
const [ask, setAsk] = createSignal<Ask | null>(null);

/** Asks "this / this and following / all" for a repeating event; resolves null when dismissed. */
export function askScope(kind: Ask["kind"] = "change"): Promise<Scope | null> {
  return new Promise((resolve) => setAsk({ kind, resolve }));
}

function answer(s: Scope | null) {
  ask()?.resolve(s);
  setAsk(null);
}

export function ScopeDialog() {
  return (
    <Dialog
      open={ask() !== null}
      onOpenChange={(o) => !o && answer(null)}
      size="sm"
      title={ask()?.kind === "cancel" ? t("scope.deleteTitle") : t("scope.title")}
      description={t("scope.text")}
      footer={<Button onClick={() => answer(null)}>{tApp("common.cancel")}</Button>}
    >
      <div class="flex flex-col gap-2" data-testid="scope-dialog">
        <For each={["this", "following", "all"] as Scope[]}>
          {(s) => (
            <Button class="justify-start" variant={s === "this" ? "primary" : "secondary"} onClick={() => answer(s)} data-testid={`scope-${s}`}>
              {t(`scope.${s}`)}
            </Button>
          )}
        </For>
      </div>
    </Dialog>
  );
}
