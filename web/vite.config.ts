import { defineConfig } from "vite";
import solid from "vite-plugin-solid";
import tailwindcss from "@tailwindcss/vite";
import { fileURLToPath } from "node:url";

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  plugins: [solid(), tailwindcss()],
  resolve: {
    // The zod schemas shared with the worker are validated jitless in the browser (no eval under our CSP).
    alias: [{ find: /^zod$/, replacement: fileURLToPath(new URL("./src/lib/zod-shim.ts", import.meta.url)) }],
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
  },
});
