import { createSignal } from "solid-js";

/** Light or dark: the design tokens in index.css switch with <html data-theme>. Remembered per browser. */
function initial(): "light" | "dark" {
  try {
    const saved = localStorage.getItem("kontor.theme");
    if (saved === "light" || saved === "dark") return saved;
  } catch {
    /* storage may be off */
  }
  return window.matchMedia?.("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

const [theme, setThemeSignal] = createSignal(initial());
export { theme };

export function applyTheme() {
  document.documentElement.dataset.theme = theme();
}

export function setTheme(next: "light" | "dark") {
  setThemeSignal(next);
  applyTheme();
  try {
    localStorage.setItem("kontor.theme", next);
  } catch {
    /* storage may be off */
  }
}
