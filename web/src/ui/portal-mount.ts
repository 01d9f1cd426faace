import { createContext, useContext } from "solid-js";

/**
 * Popups (select lists, comboboxes) opened inside a modal dialog are portalled into the dialog itself:
 * portalled to <body>, the dialog's modality would hide them from screen readers (aria-hidden).
 */
export const PortalMount = createContext<() => HTMLElement | undefined>(() => undefined);
export const usePortalMount = () => useContext(PortalMount)();
