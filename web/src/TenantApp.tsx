import { lazy, type JSX } from "solid-js";
import { Navigate, Route, Router, useNavigate } from "@solidjs/router";
import { setNavigator } from "./lib/session";
import { homePath } from "./lib/modules";
import { Shell } from "./routes/shell/Shell";
import { SignIn } from "./routes/public/SignIn";
import { ModuleScreen } from "./routes/shell/ModuleScreen";
import { NotFound } from "./routes/shell/NotFound";

const Forgot = lazy(() => import("./routes/public/ForgotPassword"));
const Reset = lazy(() => import("./routes/public/ResetPassword"));
const Confirm = lazy(() => import("./routes/public/Confirm"));
const Invite = lazy(() => import("./routes/public/Invite"));
const Join = lazy(() => import("./routes/public/Join"));
const Account = lazy(() => import("./routes/account/Account"));
const Company = lazy(() => import("./modules/company/Company"));
const Structure = lazy(() => import("./modules/company/Structure"));
const Directory = lazy(() => import("./modules/company/Directory"));
const Profile = lazy(() => import("./modules/company/Profile"));
const Admin = lazy(() => import("./modules/admin/Admin"));
const PeopleAdmin = lazy(() => import("./modules/admin/PeopleAdmin"));
const Settings = lazy(() => import("./modules/admin/Settings"));
const BusinessUsers = lazy(() => import("./modules/admin/BusinessUsers"));
const Plan = lazy(() => import("./modules/admin/Plan"));
const calendar = () => import("./modules/calendar");
const Calendar = lazy(() => calendar().then((m) => ({ default: m.Calendar })));
const CalendarView = lazy(() => calendar().then((m) => ({ default: m.CalendarView })));
const CalendarEvent = lazy(() => calendar().then((m) => ({ default: m.EventPanel })));
const CalendarSettings = lazy(() => calendar().then((m) => ({ default: m.CalendarSettings })));
const Feed = lazy(() => import("./modules/feed/Feed"));
const Messenger = lazy(() => import("./modules/messenger/Messenger"));

function Root(props: { children?: JSX.Element }) {
  const navigate = useNavigate();
  setNavigator((to) => navigate(to));
  return <>{props.children}</>;
}

/** A portal's routes: the public pages, then everything behind sign-in inside the shell. */
export function TenantApp() {
  return (
    <Router root={Root}>
      <Route path="/sign-in" component={SignIn} />
      <Route path="/forgot-password" component={Forgot} />
      <Route path="/reset-password" component={Reset} />
      <Route path="/confirm" component={Confirm} />
      <Route path="/invite" component={Invite} />
      <Route path="/join" component={Join} />
      <Route path="/" component={Shell}>
        <Route path="/" component={() => <Navigate href={homePath()} />} />
        <Route path="/company" component={Company}>
          <Route path="/" component={() => <Navigate href="/company/structure" />} />
          <Route path="/structure" component={Structure} />
          <Route path="/people" component={Directory} />
          <Route path="/people/:id" component={Profile} />
        </Route>
        <Route path="/admin" component={Admin}>
          <Route path="/" component={() => <Navigate href="/admin/people" />} />
          <Route path="/people" component={PeopleAdmin} />
          <Route path="/settings" component={Settings} />
          <Route path="/business-users" component={BusinessUsers} />
          <Route path="/plan" component={Plan} />
        </Route>
        <Route path="/account/:tab?" component={Account} />
        <Route path="/calendar" component={Calendar}>
          <Route path="/settings" component={CalendarSettings} />
          <Route path="/" component={CalendarView}>
            <Route path="/" />
            <Route path="/event/:id" component={CalendarEvent} />
          </Route>
        </Route>
        <Route path="/feed" component={Feed} />
        <Route path="/messenger/:chatId?" component={Messenger} />
        <Route path="/:module" component={ModuleScreen} matchFilters={{ module: ["feed", "tasks", "crm", "drive", "groups"] }} />
        <Route path="*" component={NotFound} />
      </Route>
    </Router>
  );
}
