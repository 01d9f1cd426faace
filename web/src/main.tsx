import { render } from "solid-js/web";
render(() => <p>Kontor</p>, document.getElementById("root")!);
