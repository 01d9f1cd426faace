import { splitProps, type JSX } from "solid-js";
import LoaderCircle from "lucide-solid/icons/loader-circle";

type Variant = "primary" | "secondary" | "ghost" | "danger" | "dangerGhost";
const styles: Record<Variant, string> = {
  primary: "bg-accent text-accent-fg hover:bg-accent-hover border border-transparent",
  secondary: "bg-surface text-fg border border-line-strong hover:bg-subtle",
  ghost: "bg-transparent text-fg border border-transparent hover:bg-subtle",
  danger: "bg-danger text-white border border-transparent hover:opacity-90",
  dangerGhost: "bg-transparent text-danger border border-transparent hover:bg-danger-soft",
};

export type ButtonProps = JSX.ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; size?: "sm" | "md"; busy?: boolean };

export function Button(props: ButtonProps) {
  const [own, rest] = splitProps(props, ["variant", "size", "busy", "class", "children", "disabled", "type"]);
  return (
    <button
      type={own.type ?? "button"}
      disabled={own.disabled || own.busy}
      aria-busy={own.busy ? "true" : undefined}
      class={`inline-flex items-center justify-center gap-1.5 whitespace-nowrap rounded-md font-medium transition-colors disabled:opacity-60 ${
        own.size === "sm" ? "h-8 px-2.5 text-[13px]" : "h-9 px-3.5"
      } ${styles[own.variant ?? "secondary"]} ${own.class ?? ""}`}
      {...rest}
    >
      {own.busy ? <LoaderCircle size={15} class="animate-spin" aria-hidden="true" /> : null}
      {own.children}
    </button>
  );
}

export function IconButton(props: JSX.ButtonHTMLAttributes<HTMLButtonElement> & { label: string }) {
  const [own, rest] = splitProps(props, ["label", "class", "children"]);
  return (
    <button
      type="button"
      aria-label={own.label}
      title={own.label}
      class={`inline-flex h-8 w-8 items-center justify-center rounded-md text-muted hover:bg-subtle hover:text-fg ${own.class ?? ""}`}
      {...rest}
    >
      {own.children}
    </button>
  );
}
