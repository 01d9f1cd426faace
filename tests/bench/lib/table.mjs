// Plain-text tables for the human summary.

/** Flattens a metrics object into [key, value] rows (nested keys joined by "."; arrays and `goals` skipped). */
export function flatten(obj, prefix = "") {
  const rows = [];
  for (const [k, v] of Object.entries(obj ?? {})) {
    if (k === "goals" || Array.isArray(v)) continue;
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === "object") rows.push(...flatten(v, key));
    else rows.push([key, v]);
  }
  return rows;
}

export function formatValue(v) {
  if (typeof v === "number") return Number.isInteger(v) ? v.toLocaleString("en-US") : v.toLocaleString("en-US", { maximumFractionDigits: 2 });
  if (v === null || v === undefined) return "–";
  return String(v);
}

/** Prints rows (arrays of cells) with a header, columns padded to the widest cell. */
export function printTable(header, rows, out = console.log) {
  const all = [header, ...rows].map((r) => r.map(formatValue));
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? "").length)));
  const line = (r) => r.map((c, i) => (i === r.length - 1 ? c : (c ?? "").padEnd(widths[i]))).join("  ");
  out(line(all[0]));
  out(widths.map((w) => "─".repeat(w)).join("  "));
  for (const r of all.slice(1)) out(line(r));
}
