import { Show, type JSX } from "solid-js";
import { publicPortal } from "../../lib/public-portal";
import { PortalLogo } from "../../ui/Logo";
import { LanguagePicker } from "./LanguagePicker";

/** The frame of every signed-out page: the portal's logo and name above a card. */
export function AuthLayout(props: { title: string; subtitle?: string; children: JSX.Element; wide?: boolean; brand?: JSX.Element }) {
  const portal = () => publicPortal()();
  return (
    <div class="flex min-h-dvh flex-col bg-bg">
      <div class="flex justify-end p-3">
        <LanguagePicker />
      </div>
      <main class="flex flex-1 items-start justify-center px-4 pb-10 pt-2 sm:items-center">
        <div class={`w-full ${props.wide ? "max-w-lg" : "max-w-sm"}`}>
          <div class="mb-6 flex flex-col items-center gap-3 text-center">
            {props.brand ?? (
              <Show when={portal()} fallback={<div class="k-skeleton h-12 w-12 rounded-lg" />}>
                <PortalLogo name={portal()!.name} hasLogo={portal()!.hasLogo} class="h-12 w-12 text-lg" />
                <div class="text-[15px] font-semibold" data-testid="auth-portal-name">
                  {portal()!.name}
                </div>
              </Show>
            )}
          </div>
          <div class="k-card p-6">
            <h1 class="text-lg font-semibold tracking-tight">{props.title}</h1>
            <Show when={props.subtitle}>
              <p class="mt-1 text-[13px] text-muted">{props.subtitle}</p>
            </Show>
            <div class="mt-5">{props.children}</div>
          </div>
        </div>
      </main>
    </div>
  );
}
