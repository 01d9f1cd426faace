import { hc, type ClientResponse } from "hono/client";
import type { AppType } from "../../../worker/app";

/** The typed Hono RPC client: routes and bodies checked against the worker at compile time. */
export const api = hc<AppType>("/api/v1");

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

type Hooks = { unauthorized?: (code: string) => void; totpSetup?: () => void };
const hooks: Hooks = {};
/** The session module registers what happens when the server says the session is gone or TOTP is owed. */
export function onApiEvents(h: Hooks) {
  Object.assign(hooks, h);
}

export type Body<R> = R extends ClientResponse<infer T, infer _S, infer _F> ? T : never;

async function failure(res: Response, quiet: boolean): Promise<never> {
  let code = "http_" + res.status;
  let message = res.statusText || "Request failed";
  let field: string | undefined;
  try {
    const body = (await res.json()) as { error?: { code: string; message: string; field?: string } };
    if (body.error) ({ code, message, field } = body.error);
  } catch {
    /* not JSON: keep the status */
  }
  if (!quiet && res.status === 401 && code !== "invalid_credentials" && code !== "invalid_code") hooks.unauthorized?.(code);
  if (res.status === 403 && code === "totp_setup_required") hooks.totpSetup?.();
  throw new ApiError(res.status, code, message, field);
}

/** Awaits a typed call; a non-2xx answer becomes an ApiError carrying the server's code and field. */
export async function call<R extends ClientResponse<unknown, number, string>>(p: Promise<R>, opts: { quiet?: boolean } = {}): Promise<Body<R>> {
  let res: R;
  try {
    res = await p;
  } catch {
    throw new ApiError(0, "network", "Network error");
  }
  if (!res.ok) return failure(res as unknown as Response, opts.quiet ?? false);
  return (await res.json()) as Body<R>;
}

/** Multipart upload (logo, photo): the CSRF rule wants X-Kontor-Request on non-JSON bodies. */
export async function upload(path: string, file: File): Promise<void> {
  const form = new FormData();
  form.append("file", file);
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, { method: "PUT", body: form, headers: { "X-Kontor-Request": "1" } });
  } catch {
    throw new ApiError(0, "network", "Network error");
  }
  if (!res.ok) await failure(res, false);
}
