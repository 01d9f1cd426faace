import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import { AppError } from "../../lib/errors";

/**
 * The portal archive (format version 1): gzipped JSON lines.
 *   line 1      {"type":"header","format":"kontor-portal-archive","version":1,"exportedAt",source,migrations,skipped}
 *   data lines  {"p":"<part>","d":<record>}   parts: control/<table>, shard/<table>, r2, do/<Class>[/<id>]
 *   last line   {"type":"manifest","parts":{"<part>":{"count":n,"sha256":hex}}}
 * A part's sha256 is taken over its data lines exactly as written, each with its "\n". The manifest
 * comes last so the export can stream; its presence also proves the archive is complete.
 */
export const ARCHIVE_FORMAT = "kontor-portal-archive";
export const ARCHIVE_VERSION = 1;

export interface ArchiveHeader {
  type: "header";
  format: string;
  version: number;
  exportedAt: string;
  source: { tenantId: string; slug: string; shard: number };
  migrations: { control: string[]; shard: string[] };
  /** Tables left out on purpose (see tables.ts EPHEMERAL). */
  skipped: string[];
}
export interface PartSum {
  count: number;
  sha256: string;
}
export interface R2Entry {
  /** The key below the portal's prefix t/<tenantId>/. */
  key: string;
  size: number;
  sha256: string;
  httpMetadata: R2HTTPMetadata;
  customMetadata: Record<string, string>;
  base64: string;
}

const enc = new TextEncoder();

/** Builds the lines and keeps every part's running count and hash. */
export class ArchiveWriter {
  private parts = new Map<string, { count: number; hash: ReturnType<typeof sha256.create> }>();

  header(h: Omit<ArchiveHeader, "type" | "format" | "version">): string {
    return `${JSON.stringify({ type: "header", format: ARCHIVE_FORMAT, version: ARCHIVE_VERSION, ...h })}\n`;
  }

  /** Declares a part so it is listed (count 0) even when it has no lines. */
  part(name: string) {
    if (!this.parts.has(name)) this.parts.set(name, { count: 0, hash: sha256.create() });
  }

  line(part: string, data: unknown): string {
    this.part(part);
    const text = `${JSON.stringify({ p: part, d: data })}\n`;
    const sum = this.parts.get(part)!;
    sum.count++;
    sum.hash.update(enc.encode(text));
    return text;
  }

  manifest(): string {
    const parts: Record<string, PartSum> = {};
    for (const [name, s] of this.parts) parts[name] = { count: s.count, sha256: bytesToHex(s.hash.digest()) };
    return `${JSON.stringify({ type: "manifest", parts })}\n`;
  }
}

export interface Archive {
  header: ArchiveHeader;
  /** Every part's records in archive order; parts of the manifest without lines are present and empty. */
  parts: Map<string, unknown[]>;
  manifest: Record<string, PartSum>;
}

const corrupt = (message: string) => new AppError(422, "archive_corrupt", message);

/**
 * Reads and verifies a whole archive before anything is written: format and version, every line's
 * JSON, every part's count and sha256 against the manifest. `maxBytes` bounds the unpacked size.
 */
export async function readArchive(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Archive> {
  const reader = body.pipeThrough(new DecompressionStream("gzip") as unknown as ReadableWritablePair<Uint8Array, Uint8Array>).pipeThrough(new TextDecoderStream() as unknown as ReadableWritablePair<string, Uint8Array>).getReader();
  const parts = new Map<string, unknown[]>();
  const hashes = new Map<string, ReturnType<typeof sha256.create>>();
  let header: ArchiveHeader | null = null;
  let manifest: Record<string, PartSum> | null = null;
  let size = 0;
  let pending: string[] = [];
  let lineNo = 0;
  const take = (text: string) => {
    lineNo++;
    if (manifest) throw corrupt(`Line ${lineNo}: data after the manifest.`);
    let value: { type?: string; p?: string; d?: unknown };
    try {
      value = JSON.parse(text);
    } catch {
      throw corrupt(`Line ${lineNo} is not valid JSON.`);
    }
    if (!header) {
      if (value.type !== "header" || (value as ArchiveHeader).format !== ARCHIVE_FORMAT) throw corrupt("This is not a Kontor portal archive (no header line).");
      if ((value as ArchiveHeader).version !== ARCHIVE_VERSION) throw corrupt(`Archive format version ${(value as ArchiveHeader).version} is not supported (this deployment reads version ${ARCHIVE_VERSION}).`);
      header = value as ArchiveHeader;
      return;
    }
    if (value.type === "manifest") {
      manifest = (value as { parts: Record<string, PartSum> }).parts;
      return;
    }
    if (typeof value.p !== "string" || value.d === undefined) throw corrupt(`Line ${lineNo} is neither a record nor the manifest.`);
    if (!parts.has(value.p)) (parts.set(value.p, []), hashes.set(value.p, sha256.create()));
    parts.get(value.p)!.push(value.d);
    hashes.get(value.p)!.update(enc.encode(`${text}\n`));
  };
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > maxBytes) throw new AppError(413, "too_large", `The unpacked archive is larger than ${Math.round(maxBytes / 1048576)} MB, more than one import request can hold.`);
      // Only the new chunk is searched for line ends: a long line (a file) costs linear time.
      const pieces = value.split("\n");
      pending.push(pieces[0]);
      for (let i = 1; i < pieces.length; i++) {
        const text = pending.join("");
        pending = [pieces[i]];
        if (text) take(text);
      }
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw corrupt(`The archive cannot be unpacked (${(e as Error).message}); it is not a complete gzip file.`);
  }
  if (pending.join("").trim()) take(pending.join(""));
  if (!header) throw corrupt("The archive is empty.");
  if (!manifest) throw corrupt("The archive has no manifest: it is truncated.");
  const m: Record<string, PartSum> = manifest;
  for (const name of parts.keys()) if (!m[name]) throw corrupt(`Part ${name} is not listed in the manifest.`);
  for (const [name, sum] of Object.entries(m)) {
    const got = parts.get(name) ?? [];
    if (got.length !== sum.count) throw corrupt(`Part ${name}: ${got.length} records, the manifest says ${sum.count}.`);
    const digest = bytesToHex((hashes.get(name) ?? sha256.create()).digest());
    if (digest !== sum.sha256) throw corrupt(`Part ${name}: sha256 ${digest} does not match the manifest's ${sum.sha256}; the archive is damaged or was edited.`);
    if (!parts.has(name)) parts.set(name, []);
  }
  return { header, parts, manifest: m };
}

/** A D1 cell as JSON: BLOBs (arrays of bytes from D1) become { $b64 }. */
export function encodeCell(v: unknown): unknown {
  if (v instanceof ArrayBuffer || ArrayBuffer.isView(v) || Array.isArray(v)) return { $b64: toBase64(new Uint8Array(v as ArrayLike<number>)) };
  return v;
}

export function decodeCell(v: unknown): unknown {
  if (v !== null && typeof v === "object" && "$b64" in v) return fromBase64(String((v as { $b64: string }).$b64));
  return v;
}

export function toBase64(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export const sha256Hex = (bytes: Uint8Array) => bytesToHex(sha256(bytes));
