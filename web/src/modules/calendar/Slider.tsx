import { Show, createSignal, type JSX } from "solid-js";
import { Dialog as K } from "@kobalte/core/dialog";
import X from "lucide-solid/icons/x";
import { PortalMount } from "../../ui/portal-mount";
import { t as tApp } from "../../lib/i18n";

/** A panel sliding in from the right over the calendar (event details, the event form); the calendar keeps its place. */
export function Slider(props: {
  open: boolean;
  onClose: () => void;
  title: JSX.Element;
  label: string;
  wide?: boolean;
  actions?: JSX.Element;
  footer?: JSX.Element;
  children: JSX.Element;
  testId?: string;
  onOpenAutoFocus?: (e: Event) => void;
}) {
  const [content, setContent] = createSignal<HTMLElement>();
  return (
    <K open={props.open} onOpenChange={(o) => !o && props.onClose()}>
      <K.Portal>
        <K.Overlay class="fixed inset-0 z-40 bg-black/25" />
        <K.Content
          ref={setContent}
          aria-label={props.label}
          data-testid={props.testId}
          onOpenAutoFocus={props.onOpenAutoFocus}
          class={`fixed inset-y-0 right-0 z-50 flex w-full flex-col bg-surface shadow-pop outline-none ${props.wide ? "sm:w-[min(96vw,880px)]" : "sm:w-[min(96vw,500px)]"}`}
        >
          <PortalMount.Provider value={content}>
            <div class="flex min-h-14 items-center gap-2 border-b border-line px-4 py-2 md:px-5">
              <K.Title class="min-w-0 flex-1 text-[15px] font-semibold">{props.title}</K.Title>
              {props.actions}
              <K.CloseButton class="rounded p-1.5 text-muted hover:bg-subtle" aria-label={tApp("common.close")} data-testid="slider-close">
                <X size={18} />
              </K.CloseButton>
            </div>
            <div class="min-h-0 flex-1 overflow-y-auto">{props.children}</div>
            <Show when={props.footer}>
              <div class="flex flex-wrap items-center justify-end gap-2 border-t border-line bg-subtle/50 px-4 py-3 md:px-5">{props.footer}</div>
            </Show>
          </PortalMount.Provider>
        </K.Content>
      </K.Portal>
    </K>
  );
}
