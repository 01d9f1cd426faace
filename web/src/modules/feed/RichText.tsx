import DOMPurify from "dompurify";
import { useNavigate } from "@solidjs/router";

/** Typography for posts, comments and the editor: paragraphs, lists, links, mentions as soft chips. */
export const RICH =
  "break-words leading-6 [&_p]:my-1 [&_p:first-child]:mt-0 [&_p:last-child]:mb-0 [&_ul]:my-1 [&_ul]:list-disc [&_ul]:pl-5 [&_ol]:my-1 [&_ol]:list-decimal [&_ol]:pl-5 " +
  "[&_a]:text-accent [&_a]:underline [&_a]:underline-offset-2 [&_a[data-mention]]:no-underline [&_a[data-mention]]:font-medium [&_a[data-mention]]:rounded [&_a[data-mention]]:bg-accent-soft [&_a[data-mention]]:px-0.5 " +
  "[&_blockquote]:border-l-2 [&_blockquote]:border-line-strong [&_blockquote]:pl-3 [&_blockquote]:text-muted [&_code]:rounded [&_code]:bg-subtle [&_code]:px-1 [&_code]:text-[12.5px]";

/** A link to a page of this portal, judged as the browser resolves it ("/\\evil.test" is another site). */
export function isLocalHref(href: string | null | undefined): href is string {
  if (!href || !href.startsWith("/")) return false;
  try {
    const url = new URL(href, location.href);
    return url.origin === location.origin && !/^[/\\]{2}/.test(href.replace(/[\t\n\r]/g, ""));
  } catch {
    return false;
  }
}

DOMPurify.addHook("afterSanitizeAttributes", (node) => {
  if (node.tagName === "A") {
    const href = node.getAttribute("href") ?? "";
    if (isLocalHref(href)) node.removeAttribute("target");
    else node.setAttribute("target", "_blank"), node.setAttribute("rel", "noopener noreferrer");
  }
});

/** The server already sanitized this HTML; DOMPurify checks it again before it touches the page. */
export function clean(html: string): string {
  return DOMPurify.sanitize(html, { ALLOWED_TAGS: ["p", "br", "b", "strong", "i", "em", "u", "s", "ul", "ol", "li", "blockquote", "code", "pre", "h3", "h4", "a", "span"], ALLOWED_ATTR: ["href", "title", "data-mention", "target", "rel"] });
}

export function RichText(props: { html: string; class?: string }) {
  const navigate = useNavigate();
  // Links inside the portal (mentions, profiles) stay in the app instead of reloading the page.
  const onClick = (e: MouseEvent) => {
    const a = (e.target as HTMLElement).closest("a");
    const href = a?.getAttribute("href");
    if (!isLocalHref(href) || e.ctrlKey || e.metaKey || e.shiftKey) return;
    e.preventDefault();
    navigate(href);
  };
  return <div class={`${RICH} ${props.class ?? ""}`} innerHTML={clean(props.html)} onClick={onClick} />;
}
