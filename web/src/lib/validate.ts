import { t } from "./i18n";

/** The part of a zod schema we use; the schemas themselves come from worker/modules/*\/schemas.ts. */
interface Issue {
  code: string;
  path: PropertyKey[];
  minimum?: number | bigint;
  maximum?: number | bigint;
  format?: string;
  origin?: string;
}
interface Schema {
  safeParse(v: unknown): { success: true } | { success: false; error: { issues: Issue[] } };
}

/** Words for a zod issue in the user's language (the schema's English messages are for the API). */
export function issueText(i: Issue, special: Record<string, string> = {}): string {
  const field = String(i.path[0] ?? "");
  if (special[field] && (i.code === "invalid_format" || i.code === "custom")) return special[field];
  switch (i.code) {
    case "too_small":
      if (i.origin === "array") return t("validation.required");
      return Number(i.minimum) <= 1 ? t("validation.required") : t("validation.min", { n: Number(i.minimum) });
    case "too_big":
      return t("validation.max", { n: Number(i.maximum) });
    case "invalid_format":
      return i.format === "email" ? t("validation.email") : t("validation.format");
    case "invalid_type":
      return t("validation.required");
    default:
      return t("validation.format");
  }
}

/** Turns a shared zod schema into a form check: the first issue per field, translated. */
export function checkWith<T>(schema: Schema, special: Record<string, string> = {}, map?: (v: T) => unknown) {
  return (values: T) => {
    const r = schema.safeParse(map ? map(values) : values);
    const out: Record<string, string> = {};
    if (!r.success) {
      for (const i of r.error.issues) {
        const key = String(i.path[0] ?? "form");
        out[key] ??= issueText(i, special);
      }
    }
    return out as Partial<Record<keyof T & string, string>>;
  };
}

/** The translated first problem of one value against one schema, or undefined when it is fine. */
export function fieldError(schema: Schema, value: unknown, special?: string): string | undefined {
  const r = schema.safeParse(value);
  if (r.success) return undefined;
  const i = r.error.issues[0];
  return special && (i.code === "invalid_format" || i.code === "custom") ? special : issueText(i);
}
