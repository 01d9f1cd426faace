// argon2id in Node with the same library and parameters the worker uses (worker/lib/password.ts).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import setupWasm from "argon2id/lib/setup.js";

const require = createRequire(import.meta.url);
const wasm = (name) => readFileSync(require.resolve(`argon2id/dist/${name}`));

const argon2id = await setupWasm(
  (imports) => WebAssembly.instantiate(wasm("simd.wasm"), imports),
  (imports) => WebAssembly.instantiate(wasm("no-simd.wasm"), imports),
);

const b64url = (buf) => Buffer.from(buf).toString("base64url");

export function hashPassword(password) {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = argon2id({ password: new TextEncoder().encode(password), salt, memorySize: 19456, passes: 2, parallelism: 1, tagLength: 32 });
  return `argon2id$19456$2$1$${b64url(salt)}$${b64url(hash)}`;
}
