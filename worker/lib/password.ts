import setupWasm from "argon2id/lib/setup.js";
// Wrangler bundles .wasm imports as compiled modules: workerd refuses to compile WASM from bytes at runtime.
import simdModule from "argon2id/dist/simd.wasm";
import noSimdModule from "argon2id/dist/no-simd.wasm";
import { base64url, constantTimeEqual } from "./crypto";

// OWASP: argon2id, 19 MiB, 2 passes, parallelism 1.
const PARAMS = { memorySize: 19456, passes: 2, parallelism: 1, tagLength: 32 };
type Hasher = (p: { password: Uint8Array; salt: Uint8Array } & typeof PARAMS) => Uint8Array;

let hasher: Promise<Hasher> | undefined;
function load(): Promise<Hasher> {
  hasher ??= setupWasm(
    async (imports: WebAssembly.Imports) => ({ instance: await WebAssembly.instantiate(simdModule, imports) }),
    async (imports: WebAssembly.Imports) => ({ instance: await WebAssembly.instantiate(noSimdModule, imports) }),
  ) as Promise<Hasher>;
  return hasher;
}

const enc = new TextEncoder();
const fromB64 = (s: string) => Uint8Array.from(atob(s.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));

/** PHC-like string: argon2id$m$t$p$salt$hash */
export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = (await load())({ password: enc.encode(password), salt, ...PARAMS });
  return `argon2id$${PARAMS.memorySize}$${PARAMS.passes}$${PARAMS.parallelism}$${base64url(salt)}$${base64url(hash)}`;
}

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  if (!stored) return false;
  const [alg, m, t, p, salt, hash] = stored.split("$");
  if (alg !== "argon2id" || !hash) return false;
  const expected = fromB64(hash);
  const actual = (await load())({
    password: enc.encode(password),
    salt: fromB64(salt),
    memorySize: Number(m),
    passes: Number(t),
    parallelism: Number(p),
    tagLength: expected.length,
  });
  return constantTimeEqual(actual, expected);
}
