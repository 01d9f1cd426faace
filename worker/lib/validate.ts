import { zValidator } from "@hono/zod-validator";
import type { ValidationTargets } from "hono";
import type { z } from "zod";
import { AppError } from "./errors";

/** zod validation for a request part; a failure becomes the 400 envelope naming the first bad field. */
export const validate = <T extends z.ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) =>
  zValidator(target, schema, (result) => {
    if (!result.success) {
      const issue = result.error.issues[0];
      const field = issue?.path.join(".") || undefined;
      throw new AppError(400, "validation", field ? `${field}: ${issue.message}` : (issue?.message ?? "Invalid input."), field);
    }
  });
