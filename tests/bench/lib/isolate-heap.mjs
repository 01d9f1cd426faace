// The app isolate's heap while a suite runs, read through workerd's own inspector (wrangler dev starts
// the app's workerd with --inspector-addr=127.0.0.1:0). Locally every Durable Object shares one thread,
// so a major GC of the app isolate stalls every room and socket at once; counting them shows whether a
// latency tail came from the app's code or from the collector.
import { readFileSync, readdirSync, readlinkSync } from "node:fs";
import { get } from "node:http";
import WebSocket from "ws";
import { round } from "./stats.mjs";
import { workerdRole } from "./procs.mjs";

/** A drop of the used heap (V8 + C++ objects) this large between two samples is a major collection. */
const MAJOR_DROP_MB = 5;

/** Listening TCP ports of a process (from /proc: its socket inodes, matched in /proc/net/tcp). */
function listeningPorts(pid) {
  const inodes = new Set();
  let fds = [];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return []; // gone
  }
  for (const fd of fds) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (m) inodes.add(m[1]);
    } catch {
      /* closed meanwhile */
    }
  }
  const ports = [];
  for (const line of readFileSync("/proc/net/tcp", "utf8").split("\n").slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f[3] === "0A" && inodes.has(f[9])) ports.push(parseInt(f[1].split(":")[1], 16));
  }
  return ports;
}

/**
 * The inspector's target list on `port`, or [] when it is something else. Without keep-alive: the
 * inspector serves one connection at a time, and a kept-alive one starves the session opened next.
 */
function targetsAt(port) {
  return new Promise((resolve) => {
    const req = get({ host: "127.0.0.1", port, path: "/json/list", agent: false, timeout: 1_000 }, (res) => {
      let body = "";
      res.on("data", (d) => (body += d));
      res.on("end", () => {
        try {
          const list = JSON.parse(body);
          resolve(Array.isArray(list) ? list : []);
        } catch {
          resolve([]);
        }
      });
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve([]));
  });
}

const parentOf = (pid) => Number(readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ")[1]);

/**
 * The debugger URL of the app worker's isolate behind the dev server on `port` (the app's workerd is the
 * sibling of wrangler's proxy workerd that listens there), or null when there is none to be found.
 */
export async function appInspectorUrl(port) {
  const workerds = readdirSync("/proc").filter((d) => /^\d+$/.test(d)).filter((d) => {
    try {
      return readFileSync(`/proc/${d}/comm`, "utf8").trim() === "workerd";
    } catch {
      return false;
    }
  });
  const proxy = workerds.find((pid) => listeningPorts(pid).includes(port));
  if (!proxy) return null;
  const wrangler = parentOf(proxy);
  for (const pid of workerds.filter((p) => p !== proxy && parentOf(p) === wrangler && workerdRole(Number(p)) === "app")) {
    for (const candidate of listeningPorts(pid)) {
      const target = (await targetsAt(candidate)).find((t) => String(t.id).startsWith("core:user:"));
      if (target) return target.webSocketDebuggerUrl;
    }
  }
  return null;
}

/** A session that answers. The first one opened on a fresh workerd never hears back, so try again. */
async function openSession(url, attempts = 3) {
  for (let i = 0; i < attempts; i++) {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    const answered = await new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), 500);
      ws.once("error", () => resolve(false));
      ws.once("open", () => ws.send(JSON.stringify({ id: 0, method: "Runtime.getHeapUsage" })));
      ws.once("message", () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
    if (answered) return ws;
    ws.terminate();
  }
  throw new Error(`the inspector at ${url} does not answer`);
}

/**
 * Samples Runtime.getHeapUsage every `intervalMs` until stop(), which returns the used heap's growth per
 * second (increases only, so collections do not hide it) and the major collections seen.
 */
export async function watchIsolateHeap(url, { intervalMs = 50 } = {}) {
  const ws = await openSession(url);
  const samples = [];
  let id = 0;
  ws.on("message", (data) => {
    const m = JSON.parse(data);
    if (m.result?.usedSize !== undefined) samples.push({ at: performance.now(), mb: (m.result.usedSize + (m.result.embedderHeapUsedSize ?? 0)) / 1e6 });
  });
  const timer = setInterval(() => ws.send(JSON.stringify({ id: ++id, method: "Runtime.getHeapUsage" })), intervalMs);
  const startedAt = performance.now();
  return {
    stop() {
      clearInterval(timer);
      ws.close();
      const seconds = (performance.now() - startedAt) / 1000;
      let grown = 0;
      const collections = [];
      for (let i = 1; i < samples.length; i++) {
        const delta = samples[i].mb - samples[i - 1].mb;
        if (delta > 0) grown += delta;
        else if (-delta >= MAJOR_DROP_MB) collections.push({ at: samples[i].at, atS: round((samples[i].at - startedAt) / 1000, 2), fromMb: round(samples[i - 1].mb, 1), toMb: round(samples[i].mb, 1) });
      }
      return { samples: samples.length, growthMbPerS: round(grown / seconds, 2), majorCollections: collections.length, collections };
    },
  };
}
