#!/usr/bin/env node
// kontor — per-portal backup and restore (D1 Time Travel only rewinds whole databases).
//
//   kontor export <portal-slug> [--out file]
//   kontor import <archive> [--slug new-slug] [--shard n] [--new-id] [--drop-domains]
//   kontor verify <archive>
//   common: --url <root URL> (env KONTOR_URL, default http://kontor.localhost:8787)
//           --token <OPS_TOKEN> (better: env KONTOR_OPS_TOKEN, which stays out of shell history)
//
// The CLI only moves bytes: the worker's operator endpoints (worker/modules/ops/) read and write D1,
// R2 and the Durable Objects through their bindings, so the same command works against `wrangler dev`
// and production (where none of that storage is reachable from Node). The archive is gzipped JSON
// lines: a versioned header, records per part, and a manifest with a count and sha256 per part. The
// CLI checks every sha256 after a download and before an upload; the worker checks them again.
import { createReadStream, createWriteStream, renameSync, rmSync, statSync } from "node:fs";
import { createHash } from "node:crypto";
import { createGunzip } from "node:zlib";
import { createInterface } from "node:readline";
import { pipeline } from "node:stream/promises";
import { lookup as dnsLookup } from "node:dns";
import http from "node:http";
import https from "node:https";

const FORMAT = "kontor-portal-archive";
const VERSION = 1;

function parseArgs(argv) {
  const out = { _: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith("--")) out._.push(a);
    else if (["--new-id", "--drop-domains", "--help"].includes(a)) out[a.slice(2)] = true;
    else out[a.slice(2)] = argv[++i];
  }
  return out;
}

const fail = (message) => {
  console.error(`kontor: ${message}`);
  process.exit(1);
};

/** Reads an archive and checks format, version, every part's count and sha256 against the manifest. */
export async function verifyArchive(file) {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const parts = new Map();
  let header = null;
  let manifest = null;
  let n = 0;
  for await (const line of lines) {
    n++;
    if (!line) continue;
    if (manifest) throw new Error(`line ${n}: data after the manifest`);
    const value = JSON.parse(line);
    if (!header) {
      if (value.type !== "header" || value.format !== FORMAT) throw new Error("not a Kontor portal archive (no header line)");
      if (value.version !== VERSION) throw new Error(`archive format version ${value.version} is not supported (this CLI reads ${VERSION})`);
      header = value;
    } else if (value.type === "manifest") manifest = value.parts;
    else {
      const p = parts.get(value.p) ?? { count: 0, hash: createHash("sha256") };
      p.count++;
      p.hash.update(`${line}\n`);
      parts.set(value.p, p);
    }
  }
  if (!header) throw new Error("the archive is empty");
  if (!manifest) throw new Error("the archive has no manifest: it is truncated");
  for (const name of parts.keys()) if (!manifest[name]) throw new Error(`part ${name} is not listed in the manifest`);
  for (const [name, sum] of Object.entries(manifest)) {
    const p = parts.get(name) ?? { count: 0, hash: createHash("sha256") };
    const digest = p.hash.digest("hex");
    if (p.count !== sum.count) throw new Error(`part ${name}: ${p.count} records, the manifest says ${sum.count}`);
    if (digest !== sum.sha256) throw new Error(`part ${name}: sha256 ${digest} does not match the manifest's ${sum.sha256}`);
  }
  return { header, manifest };
}

function summary({ header, manifest }) {
  const sum = (prefix) => Object.entries(manifest).filter(([k]) => k.startsWith(prefix)).reduce((n, [, v]) => n + v.count, 0);
  const objects = Object.keys(manifest).filter((k) => k.startsWith("do/")).length;
  return `portal "${header.source.slug}" (tenant ${header.source.tenantId}, shard ${header.source.shard}), exported ${header.exportedAt}: ` +
    `${sum("control/") + sum("shard/")} rows, ${sum("r2")} files, ${objects} Durable Objects (${sum("do/")} rows)`;
}

/** *.localhost does not resolve in Node on every machine: send it to 127.0.0.1 (the Host header stays). */
function lookup(hostname, options, cb) {
  if (hostname === "localhost" || hostname.endsWith(".localhost")) return options?.all ? cb(null, [{ address: "127.0.0.1", family: 4 }]) : cb(null, "127.0.0.1", 4);
  return dnsLookup(hostname, options, cb);
}

function request(method, url, token, { body, length } = {}) {
  const u = new URL(url);
  const mod = u.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = mod.request(u, { method, lookup, headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/gzip", "content-length": length } : {}) } }, resolve);
    req.on("error", reject);
    if (body) body.pipe(req);
    else req.end();
  });
}

async function errorOf(res) {
  let text = "";
  for await (const chunk of res) text += chunk;
  try {
    const { error } = JSON.parse(text);
    return `${res.statusCode} ${error.code}: ${error.message}`;
  } catch {
    return `${res.statusCode} ${text.slice(0, 300)}`;
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const [command, target] = args._;
  if (args.help || !command) {
    console.log("usage: kontor export <portal-slug> [--out file] | import <archive> [--slug s] [--shard n] [--new-id] [--drop-domains] | verify <archive>\n       [--url http://kontor.localhost:8787] [--token … or env KONTOR_OPS_TOKEN]");
    return;
  }
  if (command === "verify") {
    if (!target) fail("verify needs an archive file");
    console.log(`OK: ${summary(await verifyArchive(target).catch((e) => fail(`${target}: ${e.message}`)))}`);
    return;
  }
  const base = (args.url ?? process.env.KONTOR_URL ?? "http://kontor.localhost:8787").replace(/\/$/, "");
  const token = args.token ?? process.env.KONTOR_OPS_TOKEN;
  if (!token) fail("set the operator token: env KONTOR_OPS_TOKEN (the worker's OPS_TOKEN) or --token");

  if (command === "export") {
    if (!target) fail("export needs a portal slug");
    const out = args.out ?? `${target}-${new Date().toISOString().replace(/[:.]/g, "-")}.kontor.jsonl.gz`;
    const res = await request("GET", `${base}/ops/v1/portals/${encodeURIComponent(target)}/export`, token).catch((e) => fail(`cannot reach ${base}: ${e.message}`));
    if (res.statusCode !== 200) fail(`export refused: ${await errorOf(res)}`);
    const partial = `${out}.partial`;
    await pipeline(res, createWriteStream(partial));
    // An export that broke off has no manifest: it never replaces a good file.
    const checked = await verifyArchive(partial).catch((e) => (rmSync(partial, { force: true }), fail(`the download is not a complete archive (${e.message})`)));
    renameSync(partial, out);
    console.log(`Wrote ${out}: ${summary(checked)}`);
    return;
  }

  if (command === "import") {
    if (!target) fail("import needs an archive file");
    const checked = await verifyArchive(target).catch((e) => fail(`${target} is damaged, nothing was sent: ${e.message}`));
    const query = new URLSearchParams();
    if (args.slug) query.set("slug", args.slug);
    if (args.shard !== undefined) query.set("shard", args.shard);
    if (args["new-id"]) query.set("newId", "1");
    if (args["drop-domains"]) query.set("dropDomains", "1");
    const res = await request("POST", `${base}/ops/v1/portals/import?${query}`, token, { body: createReadStream(target), length: statSync(target).size }).catch((e) => fail(`cannot reach ${base}: ${e.message}`));
    if (res.statusCode !== 201) fail(`import refused: ${await errorOf(res)}`);
    let text = "";
    for await (const chunk of res) text += chunk;
    const result = JSON.parse(text);
    console.log(`Imported ${summary(checked)}\n  as "${result.portal.slug}" on shard ${result.portal.shard} (tenant ${result.portal.id}${result.tenantIdRemapped ? ", new id" : ""}): ${result.portal.host}`);
    return;
  }
  fail(`unknown command "${command}" (export, import, verify)`);
}

await main();
