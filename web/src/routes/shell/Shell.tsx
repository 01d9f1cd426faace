import { ErrorBoundary, Show, Suspense, type JSX } from "solid-js";
import { Navigate, useLocation } from "@solidjs/router";
import { me, mustSetUpTotp } from "../../lib/session";
import { PageSkeleton } from "../../ui/Skeleton";
import { ErrorScreen } from "../../ui/ErrorScreen";
import { t } from "../../lib/i18n";
import { Sidebar, MobileNav } from "./Sidebar";
import { Header } from "./Header";

/** Everything behind sign-in: the sidebar, the header and the page. */
export function Shell(props: { children?: JSX.Element }) {
  const location = useLocation();
  const next = () => encodeURIComponent(location.pathname + location.search);
  return (
    <Show when={me()} fallback={<Navigate href={`/sign-in?next=${next()}`} />}>
      <Show when={!mustSetUpTotp() || location.pathname === "/account/security"} fallback={<Navigate href="/account/security" />}>
        <div class="flex h-dvh overflow-hidden">
          <a href="#main" class="sr-only focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:z-[60] focus:rounded focus:bg-surface focus:px-3 focus:py-2">
            {t("shell.skipToContent")}
          </a>
          <Sidebar />
          <MobileNav />
          <div class="flex min-w-0 flex-1 flex-col">
            <Header />
            <main id="main" class="min-h-0 flex-1 overflow-y-auto" tabindex="-1">
              <ErrorBoundary fallback={(err, reset) => <ErrorScreen error={err} reset={reset} />}>
                <Suspense fallback={<PageSkeleton />}>{props.children}</Suspense>
              </ErrorBoundary>
            </main>
          </div>
        </div>
      </Show>
    </Show>
  );
}
