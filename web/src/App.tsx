import { ErrorBoundary, Match, Switch, createResource, lazy } from "solid-js";
import { boot } from "./lib/session";
import { ToastRegion } from "./lib/toast";
import { TenantApp } from "./TenantApp";
import { ErrorScreen } from "./ui/ErrorScreen";

const RootApp = lazy(() => import("./routes/root/RootApp"));

/** Decides, once, whether this is the root host (portal sign-up) or a portal, then renders that app. */
export function App() {
  const [state] = createResource(boot);
  return (
    <>
      <ErrorBoundary fallback={(err, reset) => <ErrorScreen error={err} reset={reset} />}>
      <Switch fallback={<Splash />}>
        <Match when={state() === "root"}>
          <RootApp />
        </Match>
        <Match when={state()}>
          <TenantApp />
        </Match>
      </Switch>
      </ErrorBoundary>
      <ToastRegion />
    </>
  );
}

function Splash() {
  return (
    <div class="flex h-dvh items-center justify-center" role="status" aria-busy="true">
      <div class="k-skeleton h-10 w-10 rounded-lg" />
    </div>
  );
}
