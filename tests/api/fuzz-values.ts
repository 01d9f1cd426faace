/**
 * What the fuzzer sends (tests/api/fuzz.test.ts): request bodies as raw JSON text (so that 1e309, -0,
 * duplicate keys and `__proto__` keys survive, which JS objects and JSON.stringify would not carry),
 * invalid JSON, query strings, and WebSocket frames. Field names and enum values come from the app's
 * own zod schemas, so that generated bodies get past the first check and reach the code behind it.
 */
import fc from "fast-check";
import { encodeCursor } from "../../worker/lib/cursor";

/** A JSON document as a tree whose leaves are raw JSON text. */
export type J = { k: "raw"; s: string } | { k: "arr"; v: J[] } | { k: "obj"; e: [string, J][] };

export const raw = (s: string): J => ({ k: "raw", s });
export function jsonText(j: J): string {
  if (j.k === "raw") return j.s;
  if (j.k === "arr") return `[${j.v.map(jsonText).join(",")}]`;
  return `{${j.e.map(([k, v]) => `${JSON.stringify(k)}:${jsonText(v)}`).join(",")}}`;
}
/** A plain JSON value (as a valid request body from tests/api/routes.ts) as a tree. */
export function fromValue(v: unknown): J {
  if (Array.isArray(v)) return { k: "arr", v: v.map(fromValue) };
  if (v && typeof v === "object") return { k: "obj", e: Object.entries(v).map(([k, x]) => [k, fromValue(x)]) };
  return raw(JSON.stringify(v ?? null));
}

// ---- leaves -----------------------------------------------------------------------------------

export const PROTO_KEYS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf"];

/** Strings that break naive code: surrogates, direction marks, invisible characters, NUL, markup, SQL, paths. */
const NASTY = [
  "", " ", "\u0000", "a\u0000b", "\uD800", "\uDFFF", "x\uDC00y", "\uDBFF\uDBFF", "\u202Eevil\u202C", "\u200F\u0627\u0644\u0639\u0631\u0628\u064A\u0629",
  "\u200B", "\u200D\u200C\uFEFF", "\uFEFF", "e\u0301\u0301\u0301", "👩‍👩‍👧‍👦", "🏳️‍🌈", "𝕏𝕐", "\u2028\u2029", "\r\n\t\b\f\v", "\\", "\"", "'", "`",
  "' OR 1=1 --", "\"; DROP TABLE users; --", "%00", "%s%n", "{{7*7}}", "${7*7}", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
  "../../../etc/passwd", "javascript:alert(1)", "null", "undefined", "NaN", "Infinity", "-0", "0x10", "1e309", "true", "[]", "{}",
  "__proto__", "constructor", "2026-02-30T25:61:61Z", "0000-00-00", "9999-12-31T23:59:59.999Z", "-271821-04-20T00:00:00Z",
  "+275760-09-13T00:00:00.000Z", "+275760-09-12T23:00:00Z", "-271821-04-20T00:00:00.000Z", "-000001-01-01T00:00:00Z", "1970-01-01T00:00:00Z",
  "2026-12-01T10:00:00+14:00", "2026-12-01T10:00:00-23:59", "2026-12-01", "FREQ=DAILY", "FREQ=SECONDLY", "FREQ=DAILY;COUNT=100000", "FREQ=YEARLY;UNTIL=99991231T000000Z",
  "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU;INTERVAL=1", "FREQ=MONTHLY;BYMONTHDAY=31", "FREQ=DAILY;INTERVAL=0", "Europe/Nowhere", "Etc/GMT+12", "Pacific/Kiritimati", "UTC\u0000", "a@b", "@", "a@b.c", "x".repeat(65), "x".repeat(257), "\u0000".repeat(300),
];
const surrogates = fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), maxLength: 6 });
const controls = fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), maxLength: 6 });
const OVER_LIMIT = "y".repeat(3_300_000); // over the 3 MB body limit
export const huge = fc.oneof(
  { weight: 9, arbitrary: fc.tuple(fc.constantFrom("x", "é", "𝕏", "\u200B", "\u0000", "<b>", "\uD800"), fc.integer({ min: 1_000, max: 60_000 })).map(([s, n]) => s.repeat(n)) },
  { weight: 1, arbitrary: fc.constant(OVER_LIMIT) },
);

/** Lengths around the schemas' limits (ids 64, names 120, titles 200/255, texts 2 000/10 000) and D1's (LIKE patterns 50 bytes). */
const LENGTHS = [7, 8, 9, 16, 17, 24, 25, 49, 50, 51, 63, 64, 65, 99, 100, 101, 119, 120, 121, 199, 200, 201, 253, 254, 255, 256, 500, 501, 2000, 2001, 10_000, 10_001];
const sized = fc.tuple(fc.constantFrom(...LENGTHS), fc.constantFrom("a", "é", "𝕏", "%", "_", "\u200B", " ", "'", "\u0000"))
  .map(([n, ch]) => ch.repeat(Math.ceil(n / ch.length)).slice(0, n));

export function nastyString(pool: string[] = []) {
  const arbs: fc.Arbitrary<string>[] = [fc.constantFrom(...NASTY), sized, surrogates, controls, fc.string({ unit: "binary", maxLength: 40 }), fc.string({ maxLength: 20 })];
  if (pool.length) arbs.push(fc.constantFrom(...pool));
  return fc.oneof(...arbs);
}

/** Number literals at JSON's and JavaScript's edges (1e309 parses to Infinity, 2**53+1 loses precision). */
export const NUMBERS = [
  "0", "-0", "-0.0", "1", "-1", "0.5", "1e309", "-1e309", "1e-400", "5e-324", "1.7976931348623157e308", "9007199254740991", "9007199254740993",
  "-9007199254740993", "18446744073709551616", "123456789012345678901234567890123456789", "2147483648", "-2147483649", "1E2", "1.0", "1e1000000",
];
const number = fc.oneof(
  fc.constantFrom(...NUMBERS),
  fc.integer().map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => JSON.stringify(d)),
  fc.bigInt({ min: -(2n ** 200n), max: 2n ** 200n }).map(String),
);

export interface Pools {
  keys: string[];
  queryKeys: string[];
  literals: string[];
  ids: string[];
}

/** Any leaf: nasty or huge strings, edge numbers, booleans, null, the schemas' enum values, real ids. */
export function leaf(p: Pools): fc.Arbitrary<J> {
  return fc.oneof(
    { weight: 4, arbitrary: nastyString([...p.literals, ...p.ids]).map((s) => raw(JSON.stringify(s))) },
    { weight: 3, arbitrary: number.map(raw) },
    { weight: 1, arbitrary: fc.constantFrom("true", "false", "null").map(raw) },
    { weight: 1, arbitrary: huge.map((s) => raw(JSON.stringify(s))) },
  );
}

export const key = (p: Pools) =>
  fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...p.keys) }, { weight: 2, arbitrary: fc.constantFrom(...PROTO_KEYS) }, { weight: 1, arbitrary: nastyString() });

/** Nesting thousands deep, as text (a tree that deep would be slow to shrink). */
export const deep = fc.tuple(fc.integer({ min: 50, max: 20_000 }), fc.constantFrom("[", '{"a":', '{"__proto__":', '{"text":'), fc.constantFrom("1", "null", '""', "{}", "[]"))
  .map(([n, open, inner]) => raw(open.repeat(n) + inner + (open === "[" ? "]" : "}").repeat(n)));

export function tree(p: Pools): fc.Arbitrary<J> {
  const { node } = fc.letrec<{ node: J }>((tie) => ({
    node: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      leaf(p),
      fc.array(tie("node"), { maxLength: 5 }).map((v): J => ({ k: "arr", v })),
      fc.array(fc.tuple(key(p), tie("node")), { maxLength: 6 }).map((e): J => ({ k: "obj", e })),
    ),
  }));
  return fc.oneof({ weight: 6, arbitrary: node }, { weight: 1, arbitrary: deep });
}

/** A valid body with one or two things wrong: a field retyped, dropped, doubled, polluted, or the whole wrapped. */
export function mutated(valid: J, p: Pools): fc.Arbitrary<J> {
  const entries = valid.k === "obj" ? valid.e : [];
  const keyOf = entries.length ? fc.oneof(fc.constantFrom(...entries.map(([k]) => k)), key(p)) : key(p);
  const set = (k: string, v: J, base: J = valid): J => ({ k: "obj", e: [...(base.k === "obj" ? base.e : []).filter(([x]) => x !== k), [k, v]] });
  return fc.oneof(
    { weight: 5, arbitrary: fc.array(fc.tuple(keyOf, tree(p)), { minLength: 1, maxLength: 3 }).map((kv) => kv.reduce<J>((acc, [k, v]) => set(k, v, acc), valid)) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...PROTO_KEYS), tree(p)).map(([k, v]): J => ({ k: "obj", e: [[k, v], ...entries] })) },
    { weight: 1, arbitrary: fc.tuple(keyOf, tree(p)).map(([k, v]): J => ({ k: "obj", e: [...entries, [k, v]] })) }, // duplicate key, last wins
    { weight: 1, arbitrary: keyOf.map((k): J => ({ k: "obj", e: entries.filter(([x]) => x !== k) })) },
    { weight: 1, arbitrary: fc.constant<J>({ k: "arr", v: [valid] }) },
    { weight: 1, arbitrary: leaf(p) },
  );
}

/** Bodies that are not JSON at all, or JSON cut short. */
export function invalidText(validText: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom("", " ", "{", "}", "[", "nul", "tru", "{'a':1}", '{"a":1,}', "[1,]", '{"a"}', "\uFEFF{}", "{}\u0000", '{"a":"\u0000"}', "NaN", "Infinity",
      "-", "01", "1.", ".5", "+1", "0x1F", '"\\ud800"', '"\\x41"', '"\\u12"', "\u0000", "undefined", "{}{}", "[] []", "/*c*/{}", '{"a":1}//'),
    fc.integer({ min: 0, max: Math.max(0, validText.length - 1) }).map((n) => validText.slice(0, n)),
    fc.string({ unit: "binary", maxLength: 60 }),
    controls.map((c) => `{"text":"${c}"}`),
  );
}

export interface BodyCase {
  text: string | null;
  type: string | null;
  extra: Record<string, string>;
}

/** A request body, its content type and extra headers; mostly JSON as the SPA sends it. */
export function body(valid: J, p: Pools): fc.Arbitrary<BodyCase> {
  const validText = jsonText(valid);
  const json = (arb: fc.Arbitrary<string>) => arb.map((text): BodyCase => ({ text, type: "application/json", extra: {} }));
  return fc.oneof(
    { weight: 6, arbitrary: json(mutated(valid, p).map(jsonText)) },
    { weight: 3, arbitrary: json(tree(p).map(jsonText)) },
    { weight: 2, arbitrary: json(invalidText(validText)) },
    { weight: 1, arbitrary: fc.constantFrom<BodyCase>({ text: null, type: null, extra: {} }, { text: null, type: "application/json", extra: {} }, { text: "", type: "application/json", extra: { "content-length": "0" } }) },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constantFrom("text/plain", "multipart/form-data", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/json; charset=utf-16", "APPLICATION/JSON", ""), fc.oneof(fc.constant(validText), invalidText(validText)))
        .map(([type, text]): BodyCase => ({ text, type, extra: { "x-kontor-request": "1" } })),
    },
  );
}

// ---- query strings ----------------------------------------------------------------------------

const enc = (s: string) => {
  try {
    return encodeURIComponent(s);
  } catch {
    return escape(s); // lone surrogates: %uD800, which is not valid percent-encoding either
  }
};
const badEncoding = fc.constantFrom("%", "%zz", "%E0%A4%A", "%C0%AF", "%FF%FE", "%ED%A0%80", "%00", "%u0041", "%%", "+", "%2B%20", "&&", "==", "#frag", "%23");
const cursor = fc.array(nastyString(), { maxLength: 4 }).map((keys) => encodeCursor(keys));

function queryValue(p: Pools): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: nastyString([...p.literals, ...p.ids]).map(enc) },
    { weight: 2, arbitrary: number },
    { weight: 1, arbitrary: fc.date({ noInvalidDate: true }).map((d) => enc(d.toISOString())) },
    { weight: 1, arbitrary: badEncoding },
    { weight: 1, arbitrary: cursor },
    { weight: 1, arbitrary: fc.array(fc.constantFrom(...p.ids, "x"), { maxLength: 300 }).map((ids) => ids.join(",")) },
    { weight: 1, arbitrary: huge.map((s) => enc(s.slice(0, 8_000))) },
  );
}

/** A query string: the valid one (from tests/api/routes.ts) with parameters added, doubled or replaced. */
export function query(validQuery: string, p: Pools): fc.Arbitrary<string> {
  const valid = validQuery.replace(/^\?/, "").split("&").filter(Boolean);
  const pair = fc.tuple(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...valid.map((kv) => kv.split("=")[0]), ...p.queryKeys) }, fc.constantFrom(...p.keys), fc.constantFrom(...PROTO_KEYS), fc.constantFrom("a[]", "a[b]", "", "%", "q[0]"), badEncoding), queryValue(p))
    .map(([k, v]) => `${k.startsWith("%") || k.includes("[") ? k : enc(k)}=${v}`);
  return fc.tuple(fc.subarray(valid), fc.array(pair, { minLength: 1, maxLength: 5 }), fc.boolean())
    .map(([kept, added, dup]) => `?${[...kept, ...added, ...(dup ? added : [])].join("&")}`);
}

// ---- WebSocket frames -------------------------------------------------------------------------

/** Frames every hub must refuse with an error frame: not JSON, not an object, unknown or mistyped `type`, extra keys, too large. */
export function badFrame(types: string[], p: Pools): fc.Arbitrary<string | Uint8Array> {
  const notObject = tree(p).filter((j) => j.k !== "obj");
  return fc.oneof(
    { weight: 2, arbitrary: invalidText('{"type":"resync"}').filter((t) => !/^\s*\{/.test(t) || !isValidJsonObject(t)).filter((t) => t !== "ping") },
    { weight: 2, arbitrary: notObject.map(jsonText) },
    { weight: 2, arbitrary: fc.tuple(nastyString(), tree(p)).filter(([t]) => !types.includes(t)).map(([t, v]) => jsonText({ k: "obj", e: [["type", raw(JSON.stringify(t))], ["x", v]] })) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...types), fc.constantFrom(...PROTO_KEYS, "zz", "__proto__"), tree(p)).map(([t, k, v]) => jsonText({ k: "obj", e: [["type", raw(JSON.stringify(t))], [k, v]] })) },
    { weight: 1, arbitrary: fc.tuple(leaf(p), tree(p)).filter(([t]) => !types.some((x) => JSON.stringify(x) === (t as { s: string }).s)).map(([t, v]) => jsonText({ k: "obj", e: [["type", t], ["message", v]] })) },
    { weight: 1, arbitrary: fc.constantFrom("x".repeat(70_000), `{"type":"resync","pad":"${"x".repeat(70_000)}"}`) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }) },
    { weight: 1, arbitrary: deep.map(jsonText) },
  );
}

function isValidJsonObject(t: string) {
  try {
    const v = JSON.parse(t);
    return v !== null && typeof v === "object" && !Array.isArray(v);
  } catch {
    return false;
  }
}
