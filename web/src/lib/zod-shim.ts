// Every `import … from "zod"` in the web build resolves here (vite.config.ts): the shared schemas
// run under a CSP without 'unsafe-eval', so zod must not try to JIT-compile parsers.
import { config } from "zod/v4";

config({ jitless: true });

export * from "zod/v4";
