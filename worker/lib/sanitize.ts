import * as xssNamespace from "xss";

// xss is CommonJS: some bundlers expose it as the default export, others as the namespace.
type XssModule = typeof xssNamespace;
const xss: XssModule = (xssNamespace as unknown as { default?: XssModule }).default ?? xssNamespace;
const { FilterXSS } = xss;

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", sol: "/", bsol: "\\", colon: ":", tab: "\t", newline: "\n" };

/**
 * An href as the browser will use it: character references decoded, and tabs and line breaks dropped
 * (the URL parser ignores them), so "/&#92;evil.test" and "/<tab>/evil.test" are judged as the
 * "//evil.test" (another site) they are, not as a path of this portal.
 */
function hrefAsBrowsersRead(raw: string): string {
  const decoded = raw.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (m, ref: string) => {
    if (ref[0] !== "#") return NAMED[ref.toLowerCase()] ?? m;
    const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : "";
  });
  return decoded.replace(/[\t\n\r]/g, "").replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "");
}

/** Back into a double-quoted attribute so that the browser decodes exactly the value that was judged. */
const attr = (v: string) => v.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The rich-text subset the editor produces; everything else is dropped (scripts, handlers, styles). */
const filter = new FilterXSS({
  whiteList: {
    p: [], br: [], b: [], strong: [], i: [], em: [], u: [], s: [], ul: [], ol: [], li: [],
    blockquote: [], code: [], pre: [], h3: [], h4: [],
    a: ["href", "title", "data-mention"],
    span: ["data-mention"],
  },
  stripIgnoreTag: true,
  stripIgnoreTagBody: ["script", "style", "iframe", "object", "embed", "svg", "math", "template"],
  onTagAttr(tag: string, name: string, value: string) {
    if (tag === "a" && name === "href") {
      const v = hrefAsBrowsersRead(value);
      return /^(https?:|mailto:)/i.test(v) || /^\/(?![/\\])/.test(v) ? `href="${attr(v)}" rel="noopener noreferrer" target="_blank"` : "";
    }
    return undefined;
  },
});

export function sanitizeHtml(html: string): string {
  return filter.process(html).trim();
}

/** Plain text of sanitized HTML, for excerpts in notifications and mails. */
export function plainText(html: string, max = 140): string {
  const text = html.replace(/<[^>]*>/g, " ").replace(/&nbsp;/g, " ").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&").replace(/\s+/g, " ").trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
