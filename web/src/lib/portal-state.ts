import { createSignal } from "solid-js";

/** Bumped after a logo upload so every <img> of the logo reloads. */
const [portalLogoVersion, setPortalLogoVersion] = createSignal(0);
export { portalLogoVersion };
export const bumpPortalLogo = () => setPortalLogoVersion(Date.now());

/** Bumped after the own photo changes. */
const [photoVersion, setPhotoVersion] = createSignal(0);
export { photoVersion };
export const bumpPhoto = () => setPhotoVersion(Date.now());
