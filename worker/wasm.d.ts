declare module "*.wasm" {
  const module: WebAssembly.Module;
  export default module;
}
declare module "argon2id/lib/setup.js" {
  const setupWasm: (
    simd: (imports: WebAssembly.Imports) => Promise<{ instance: WebAssembly.Instance }>,
    noSimd: (imports: WebAssembly.Imports) => Promise<{ instance: WebAssembly.Instance }>,
  ) => Promise<unknown>;
  export default setupWasm;
}
