/** The one error taxonomy: each maps to a status and a stable code in the envelope. */
export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 410 | 413 | 422 | 429,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, code = "bad_request", field?: string) => new AppError(400, code, message, field);
export const unauthorized = (message = "Sign in first.", code = "unauthorized") => new AppError(401, code, message);
export const forbidden = (code: string, message: string) => new AppError(403, code, message);
export const notFound = (what = "Resource") => new AppError(404, "not_found", `${what} not found.`);
export const conflict = (code: string, message: string, field?: string) => new AppError(409, code, message, field);
export const tooMany = (message: string) => new AppError(429, "rate_limited", message);
