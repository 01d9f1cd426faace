import { Show, createSignal, type JSX } from "solid-js";
import { PortalMount } from "./portal-mount";
import { Dialog as K } from "@kobalte/core/dialog";
import X from "lucide-solid/icons/x";
import { t } from "../lib/i18n";

/** A centred modal dialog with a title, optional description, body and footer. */
export function Dialog(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: string;
  children: JSX.Element;
  footer?: JSX.Element;
  size?: "sm" | "md" | "lg";
}) {
  const width = () => (props.size === "lg" ? "max-w-2xl" : props.size === "sm" ? "max-w-sm" : "max-w-lg");
  const [content, setContent] = createSignal<HTMLElement>();
  return (
    <K open={props.open} onOpenChange={props.onOpenChange}>
      <K.Portal>
        <K.Overlay class="fixed inset-0 z-50 bg-black/40" />
        <div class="fixed inset-0 z-50 flex items-start justify-center overflow-y-auto p-3 sm:items-center sm:p-6">
          <K.Content ref={setContent} class={`k-card w-full ${width()} shadow-pop outline-none`}>
            <PortalMount.Provider value={content}>
            <div class="flex items-start gap-3 border-b border-line px-5 py-3.5">
              <div class="flex-1">
                <K.Title class="text-[15px] font-semibold">{props.title}</K.Title>
                <Show when={props.description}>
                  <K.Description class="mt-0.5 text-[13px] text-muted">{props.description}</K.Description>
                </Show>
              </div>
              <K.CloseButton class="rounded p-1 text-muted hover:bg-subtle" aria-label={t("common.close")}>
                <X size={16} />
              </K.CloseButton>
            </div>
            <div class="px-5 py-4">{props.children}</div>
            <Show when={props.footer}>
              <div class="flex flex-wrap justify-end gap-2 border-t border-line bg-subtle/50 px-5 py-3">{props.footer}</div>
            </Show>
            </PortalMount.Provider>
          </K.Content>
        </div>
      </K.Portal>
    </K>
  );
}

/** A panel sliding in from a side: the mobile navigation and the notifications. */
export function Drawer(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  side?: "left" | "right";
  label: string;
  children: JSX.Element;
  class?: string;
}) {
  return (
    <K open={props.open} onOpenChange={props.onOpenChange}>
      <K.Portal>
        <K.Overlay class="fixed inset-0 z-40 bg-black/40" />
        <K.Content
          aria-label={props.label}
          class={`fixed inset-y-0 z-50 flex w-[min(88vw,380px)] flex-col shadow-pop outline-none ${
            props.side === "left" ? "left-0" : "right-0"
          } ${props.class ?? "bg-surface"}`}
        >
          {props.children}
        </K.Content>
      </K.Portal>
    </K>
  );
}

export const DrawerTitle = K.Title;
export const DrawerClose = K.CloseButton;
