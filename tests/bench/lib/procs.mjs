// The server's processes as Linux sees them (/proc): the workerd processes under a process group
// (npm start → start.mjs → wrangler → workerd), their resident memory, and a linear trend over samples.
import { readFileSync, readdirSync, readlinkSync } from "node:fs";
import { round } from "./stats.mjs";

function readProc(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const close = stat.lastIndexOf(")");
    const comm = stat.slice(stat.indexOf("(") + 1, close);
    const [, ppid, pgrp] = stat.slice(close + 2).split(" ");
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    return { pid: Number(pid), comm, ppid: Number(ppid), pgrp: Number(pgrp), rssKb };
  } catch {
    return null; // gone meanwhile
  }
}

/** Every live process in the group `pgid` or descended from its leader: [{pid, comm, ppid, pgrp, rssKb}]. */
export function groupProcesses(pgid) {
  const all = readdirSync("/proc").filter((d) => /^\d+$/.test(d)).map(readProc).filter(Boolean);
  const children = new Map();
  for (const p of all) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const found = new Map(all.filter((p) => p.pgrp === pgid).map((p) => [p.pid, p]));
  const queue = [pgid];
  for (let i = 0; i < queue.length && i < 10_000; i++) {
    for (const c of children.get(queue[i]) ?? []) {
      if (!found.has(c.pid)) found.set(c.pid, c);
      queue.push(c.pid);
    }
  }
  return [...found.values()];
}

const roles = new Map();
/**
 * wrangler dev runs two workerd processes: the app's runtime (Durable Objects, D1, R2: it holds files
 * of .wrangler/state open) and wrangler's own proxy that listens on the dev port and forwards to it.
 */
export function workerdRole(pid) {
  if (!roles.has(pid)) {
    let app = false;
    try {
      app = readdirSync(`/proc/${pid}/fd`).some((fd) => {
        try {
          return /\/\.wrangler\/state\//.test(readlinkSync(`/proc/${pid}/fd/${fd}`));
        } catch {
          return false;
        }
      });
    } catch {}
    roles.set(pid, app ? "app" : "proxy");
  }
  return roles.get(pid);
}

/** The workerd processes of the server: {atS, totalMb, appMb, proxyMb, processes: [{pid, role, mb}]}. */
export function workerdMemory(pgid, t0 = 0) {
  const procs = groupProcesses(pgid).filter((p) => p.comm.startsWith("workerd")).map((p) => ({ ...p, role: workerdRole(p.pid) }));
  const mb = (kb) => round(kb / 1024, 1);
  const sum = (role) => mb(procs.filter((p) => !role || p.role === role).reduce((s, p) => s + p.rssKb, 0));
  return { atS: round((performance.now() - t0) / 1000, 1), totalMb: sum(), appMb: sum("app"), proxyMb: sum("proxy"), processes: procs.map((p) => ({ pid: p.pid, role: p.role, mb: mb(p.rssKb) })) };
}

/**
 * Least-squares line through the samples' `key` taken after `warmupS`: slope in MB per minute, R², the growth
 * the line gives over that window, and a flag when it grows by more than max(10 MB, 5 % of its start).
 */
export function memoryTrend(samples, { warmupS, key = "totalMb" }) {
  const pts = samples.filter((s) => s.atS >= warmupS).map((s) => [s.atS / 60, s[key]]);
  if (pts.length < 3) return { samples: pts.length, warmupS, slopeMbPerMin: null, r2: null, fittedGrowthMb: null, growing: null, note: "fewer than 3 samples after warm-up (run longer or sample more often)" };
  const n = pts.length;
  const mx = pts.reduce((s, p) => s + p[0], 0) / n;
  const my = pts.reduce((s, p) => s + p[1], 0) / n;
  let sxx = 0, sxy = 0, syy = 0;
  for (const [x, y] of pts) {
    sxx += (x - mx) ** 2;
    sxy += (x - mx) * (y - my);
    syy += (y - my) ** 2;
  }
  const slope = sxx ? sxy / sxx : 0;
  const r2 = sxx && syy ? (sxy * sxy) / (sxx * syy) : 0;
  const spanMin = pts[n - 1][0] - pts[0][0];
  const growth = slope * spanMin;
  const start = my - slope * (mx - pts[0][0]);
  const growing = growth > Math.max(10, 0.05 * start);
  return { samples: n, warmupS, slopeMbPerMin: round(slope, 2), r2: round(r2, 2), fittedGrowthMb: round(growth, 1), fittedStartMb: round(start, 1), growing };
}

/** CPU seconds (user + system) so far of every workerd process on the machine, by pid. */
export function workerdCpuSeconds() {
  const out = new Map();
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      const close = stat.lastIndexOf(")");
      if (stat.slice(stat.indexOf("(") + 1, close) !== "workerd") continue;
      const f = stat.slice(close + 2).split(" ");
      out.set(Number(d), (Number(f[11]) + Number(f[12])) / 100); // utime, stime in clock ticks
    } catch {
      /* gone meanwhile */
    }
  }
  return out;
}

/** Cores each workerd process used between two workerdCpuSeconds() readings `ms` apart, busiest first. */
export function coresUsed(before, after, ms) {
  return [...after].map(([pid, s]) => round((s - (before.get(pid) ?? s)) / (ms / 1000), 2)).sort((a, b) => b - a);
}
