import type { JSX } from "solid-js";

const tones = {
  neutral: "bg-subtle text-muted",
  accent: "bg-accent-soft text-accent",
  success: "bg-success-soft text-success",
  warning: "bg-warning-soft text-warning",
  danger: "bg-danger-soft text-danger",
};

export function Badge(props: { tone?: keyof typeof tones; children: JSX.Element; class?: string }) {
  return (
    <span class={`inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-[11px] font-medium ${tones[props.tone ?? "neutral"]} ${props.class ?? ""}`}>
      {props.children}
    </span>
  );
}
