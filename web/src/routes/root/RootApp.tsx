import { lazy } from "solid-js";
import { Route, Router } from "@solidjs/router";
import { SignUp } from "./SignUp";

const CheckMail = lazy(() => import("./CheckMail"));

/** The root host only creates portals. */
export default function RootApp() {
  return (
    <Router>
      <Route path="/check-mail" component={CheckMail} />
      <Route path="*" component={SignUp} />
    </Router>
  );
}
