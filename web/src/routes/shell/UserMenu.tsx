import { For } from "solid-js";
import { useNavigate } from "@solidjs/router";
import { DropdownMenu as M } from "@kobalte/core/dropdown-menu";
import ChevronDown from "lucide-solid/icons/chevron-down";
import UserRound from "lucide-solid/icons/user-round";
import Languages from "lucide-solid/icons/languages";
import Globe from "lucide-solid/icons/globe";
import KeyRound from "lucide-solid/icons/key-round";
import ShieldCheck from "lucide-solid/icons/shield-check";
import LogOut from "lucide-solid/icons/log-out";
import Check from "lucide-solid/icons/check";
import ChevronRight from "lucide-solid/icons/chevron-right";
import Moon from "lucide-solid/icons/moon";
import { setTheme, theme } from "../../lib/theme";
import { LANGS, LANG_NAMES, locale, setLocale, t } from "../../lib/i18n";
import { me, signOut, updateMe } from "../../lib/session";
import { api, call } from "../../lib/api";
import { toastError } from "../../lib/toast";
import { photoVersion } from "../../lib/portal-state";
import { Avatar } from "../../ui/Avatar";

const item = "flex h-8 cursor-default select-none items-center gap-2.5 rounded px-2 text-[13px] outline-none data-[highlighted]:bg-subtle";

/** Changes the language at once, then saves it on the profile. */
async function switchLanguage(lang: string) {
  const before = locale();
  await setLocale(lang);
  try {
    updateMe(await call(api.me.$patch({ json: { language: lang as "en" } })));
  } catch (e) {
    await setLocale(before);
    toastError(e);
  }
}

export function UserMenu() {
  const navigate = useNavigate();
  const user = () => me()!.user;
  return (
    <M gutter={6} placement="bottom-end">
      <M.Trigger class="flex items-center gap-2 rounded-md py-1 pl-1 pr-1.5 hover:bg-subtle" aria-label={t("shell.userMenu")} data-testid="user-menu">
        <Avatar id={user().id} name={user().name} hasPhoto={user().hasPhoto} version={photoVersion()} size="sm" />
        <span class="hidden max-w-32 truncate text-[13px] font-medium sm:inline">{user().name}</span>
        <ChevronDown size={14} class="text-muted" />
      </M.Trigger>
      <M.Portal>
        <M.Content class="k-card z-50 min-w-60 p-1 shadow-pop outline-none">
          <div class="border-b border-line px-2 pb-2 pt-1.5">
            <div class="truncate font-medium">{user().name}</div>
            <div class="truncate text-[12px] text-muted">{user().email}</div>
          </div>
          <div class="py-1">
            <M.Item class={item} onSelect={() => navigate(`/company/people/${user().id}`)}>
              <UserRound size={15} class="text-muted" /> {t("shell.profile")}
            </M.Item>
            <M.Sub gutter={4}>
              <M.SubTrigger class={item} data-testid="language-menu">
                <Languages size={15} class="text-muted" />
                <span class="flex-1">{t("shell.language")}</span>
                <span class="text-[12px] text-muted">{LANG_NAMES[locale()]}</span>
                <ChevronRight size={14} class="text-muted" />
              </M.SubTrigger>
              <M.Portal>
                <M.SubContent class="k-card z-50 min-w-40 p-1 shadow-pop outline-none">
                  <M.RadioGroup value={locale()} onChange={switchLanguage}>
                    <For each={LANGS}>
                      {(l) => (
                        <M.RadioItem value={l} class={item} data-lang={l} closeOnSelect>
                          <span class="w-4">
                            <M.ItemIndicator>
                              <Check size={14} />
                            </M.ItemIndicator>
                          </span>
                          <span lang={l}>{LANG_NAMES[l]}</span>
                        </M.RadioItem>
                      )}
                    </For>
                  </M.RadioGroup>
                </M.SubContent>
              </M.Portal>
            </M.Sub>
            <M.Item class={item} onSelect={() => navigate("/account/region")}>
              <Globe size={15} class="text-muted" />
              <span class="flex-1">{t("shell.timeZone")}</span>
              <span class="max-w-28 truncate text-[12px] text-muted">{user().timeZone}</span>
            </M.Item>
            <M.Item class={item} onSelect={() => navigate("/account/password")}>
              <KeyRound size={15} class="text-muted" /> {t("shell.changePassword")}
            </M.Item>
            <M.Item class={item} onSelect={() => navigate("/account/security")}>
              <ShieldCheck size={15} class="text-muted" /> {t("shell.twoFactor")}
            </M.Item>
            <M.CheckboxItem class={item} checked={theme() === "dark"} onChange={(on) => setTheme(on ? "dark" : "light")} closeOnSelect={false}>
              <Moon size={15} class="text-muted" />
              <span class="flex-1">{t("shell.darkTheme")}</span>
              <M.ItemIndicator>
                <Check size={14} />
              </M.ItemIndicator>
            </M.CheckboxItem>
          </div>
          <M.Separator class="my-1 border-line" />
          <M.Item class={item} onSelect={() => void signOut()} data-testid="sign-out">
            <LogOut size={15} class="text-muted" /> {t("shell.signOut")}
          </M.Item>
        </M.Content>
      </M.Portal>
    </M>
  );
}
