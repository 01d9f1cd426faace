import * as xssNamespace from "xss";

// xss is CommonJS: some bundlers expose it as the default export, others as the namespace.
type XssModule = typeof xssNamespace;
const xss: XssModule = (xssNamespace as unknown as { default?: XssModule }).default ?? xssNamespace;
const { FilterXSS, escapeAttrValue } = xss;

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
      const v = value.trim();
      return /^(https?:|mailto:|\/)/i.test(v) && !/^\/\//.test(v) ? `href="${escapeAttrValue(v)}" rel="noopener noreferrer" target="_blank"` : "";
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
