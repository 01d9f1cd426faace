import { createSignal } from "solid-js";

function stored(key: string): boolean {
  try {
    return localStorage.getItem(key) === "1";
  } catch {
    return false;
  }
}

const [collapsed, setCollapsedSignal] = createSignal(stored("kontor.sidebar.collapsed"));
const [navOpen, setNavOpen] = createSignal(false);

export { collapsed, navOpen, setNavOpen };

export function toggleCollapsed() {
  const next = !collapsed();
  setCollapsedSignal(next);
  try {
    localStorage.setItem("kontor.sidebar.collapsed", next ? "1" : "0");
  } catch {
    /* storage may be off */
  }
}
