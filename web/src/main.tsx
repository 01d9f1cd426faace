import { render } from "solid-js/web";
import "./index.css";
import { App } from "./App";
import { applyTheme } from "./lib/theme";

applyTheme();

render(() => <App />, document.getElementById("root")!);
