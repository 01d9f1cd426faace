// The SPA's initial download: JS and CSS that web/dist/index.html references directly (scripts,
// stylesheets, modulepreloads), gzipped with zlib; plus the total of all chunks (lazy ones included).
import { readFileSync, readdirSync, statSync } from "node:fs";
import { extname, join, relative } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { goal, round } from "../lib/stats.mjs";

export const name = "spa";
export const description = "initial JS+CSS gzipped (goal < 100 KB) and all chunks";
export const needsServer = false;

export const GOAL_KB = 100;
const GZIP_LEVEL = 9;
const kb = (n) => round(n / 1024, 1);
const gz = (buf) => gzipSync(buf, { level: GZIP_LEVEL }).length;
const br = (buf) => brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** [{tag, kind, url}] of the assets index.html loads up front. */
export function initialAssets(html) {
  const found = [];
  for (const m of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = /\bsrc\s*=\s*["']([^"']+)["']/i.exec(m[0]);
    if (src) found.push({ kind: "script", url: src[1] });
  }
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = /\brel\s*=\s*["']([^"']+)["']/i.exec(m[0])?.[1].toLowerCase().split(/\s+/) ?? [];
    const href = /\bhref\s*=\s*["']([^"']+)["']/i.exec(m[0])?.[1];
    if (!href) continue;
    if (rel.includes("stylesheet")) found.push({ kind: "stylesheet", url: href });
    else if (rel.includes("modulepreload")) found.push({ kind: "modulepreload", url: href });
  }
  return found.filter((a) => !/^(https?:)?\/\//i.test(a.url)); // external URLs would be a bug of their own
}

function walk(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}

export async function run(ctx) {
  const dist = ctx.webDist;
  const html = readFileSync(join(dist, "index.html"));
  const assets = initialAssets(html.toString("utf8"));
  if (assets.length === 0) throw new Error("index.html references no scripts or stylesheets");
  const seen = new Set();
  const initial = [];
  for (const a of assets) {
    const path = join(dist, a.url.split(/[?#]/)[0].replace(/^\//, ""));
    if (seen.has(path)) continue;
    seen.add(path);
    const buf = readFileSync(path);
    initial.push({ kind: a.kind, file: relative(dist, path), bytes: buf.length, gzip: gz(buf), brotli: br(buf) });
  }
  const sum = (list, k) => list.reduce((a, f) => a + f[k], 0);

  const files = walk(dist).filter((p) => p !== join(dist, "index.html"));
  const chunks = files.filter((p) => [".js", ".css", ".mjs"].includes(extname(p)));
  const chunkSizes = chunks.map((p) => {
    const buf = readFileSync(p);
    return { bytes: buf.length, gzip: gz(buf) };
  });
  const initialGzip = sum(initial, "gzip");
  return {
    gzipLevel: GZIP_LEVEL,
    initial: {
      files: initial.length,
      rawKB: kb(sum(initial, "bytes")),
      gzipKB: kb(initialGzip),
      brotliKB: kb(sum(initial, "brotli")),
      jsGzipKB: kb(sum(initial.filter((f) => f.file.endsWith(".js")), "gzip")),
      cssGzipKB: kb(sum(initial.filter((f) => f.file.endsWith(".css")), "gzip")),
    },
    indexHtmlGzipKB: kb(gz(html)),
    allChunks: { files: chunks.length, rawKB: kb(sum(chunkSizes, "bytes")), gzipKB: kb(sum(chunkSizes, "gzip")) },
    allAssets: { files: files.length, rawKB: kb(files.reduce((a, p) => a + statSync(p).size, 0)) },
    initialFiles: initial.map((f) => ({ ...f, gzipKB: kb(f.gzip) })),
    goals: [goal(`initial JS+CSS < ${GOAL_KB} KB gzipped`, kb(initialGzip), GOAL_KB, { unit: "KB" })],
  };
}

export function rows(m) {
  return [
    ["initial JS+CSS gzip (KB)", `${m.initial.gzipKB} (JS ${m.initial.jsGzipKB}, CSS ${m.initial.cssGzipKB}; ${m.initial.files} files)`],
    ["initial JS+CSS raw / brotli (KB)", `${m.initial.rawKB} / ${m.initial.brotliKB}`],
    ["all JS+CSS chunks gzip / raw (KB)", `${m.allChunks.gzipKB} / ${m.allChunks.rawKB} (${m.allChunks.files} files)`],
    ["all assets raw (KB, incl. fonts)", `${m.allAssets.rawKB} (${m.allAssets.files} files)`],
  ];
}
