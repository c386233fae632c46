import { createHash } from "node:crypto";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import {
  Encoded,
  isPlainObject,
  Ref,
  setOwn,
  Template,
  type Value,
  type ValueObject,
  VarRef,
} from "../../../model/value.ts";
import { unknownFrom } from "../evaluate-expression.ts";
import {
  asList,
  asNumber,
  asString,
  EvaluationError,
  firstUnknown,
  formatNumber,
  isConcrete,
  isPending,
  joinParts,
  sortedEntries,
} from "../values.ts";
import { fn, type TerraformFunction } from "./function.ts";

const text = (value: Value | undefined, what = "argument") => asString(value as Value, what);

/** A regular expression from Terraform's RE2 syntax, refusing patterns that could backtrack for ever. */
function regExp(pattern: string, flags = ""): RegExp {
  if (/\((?:[^()\\]|\\.)*[*+}](?:[^()\\]|\\.)*\)[*+{]/.test(pattern))
    throw new EvaluationError(
      "the pattern nests repetitions, which plinth does not evaluate (it could take forever)",
    );
  try {
    return new RegExp(pattern.replace(/\(\?P</g, "(?<"), `u${flags}`);
  } catch {
    throw new EvaluationError(`\`${pattern}\` is not a valid regular expression`);
  }
}

function replace(value: string, search: string, replacement: string): string {
  if (search.length > 1 && search.startsWith("/") && search.endsWith("/")) {
    return value.replace(regExp(search.slice(1, -1), "g"), replacement.replace(/\$\{(\w+)\}/g, "$$$1"));
  }
  return value.split(search).join(replacement);
}

/** Terraform's jsonencode: keys sorted, `<`, `>`, `&` escaped as Go's encoder does. */
export function jsonEncode(value: Value): string {
  const sort = (v: Value): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (isPlainObject(v)) return Object.fromEntries(sortedEntries(v).map(([k, x]) => [k, sort(x)]));
    return v;
  };
  return escapeAsGo(JSON.stringify(sort(value)));
}

/**
 * JSON text as Go's encoder writes it (Terraform and its providers are Go): `<`, `>`, `&`, U+2028 and
 * U+2029 escaped. They only occur inside strings, so replacing them in the whole text is safe.
 */
export function escapeAsGo(json: string): string {
  return json
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** JSON text → a value; `__proto__` keys stay data. */
export function jsonDecode(source: string): Value {
  try {
    return toValue(JSON.parse(source));
  } catch {
    throw new EvaluationError("the argument is not valid JSON");
  }
}

function toValue(data: unknown): Value {
  if (Array.isArray(data)) return data.map(toValue);
  if (data !== null && typeof data === "object") {
    const out: ValueObject = {};
    for (const [key, value] of Object.entries(data)) setOwn(out, key, toValue(value));
    return out;
  }
  if (data === undefined) return null;
  if (typeof data === "bigint") return Number(data);
  if (data instanceof Date) return data.toISOString();
  return data as Value;
}

/** Go-style `format` verbs: `%s %d %f %v %q %t %x %o %b %e %%` with flags, width and precision. */
function format(args: Value[]): Value {
  const pattern = text(args[0], "format");
  const rest = args.slice(1);
  const parts: Value[] = [];
  let next = 0;
  const verb = /%([-+ 0#]*)(\d+)?(?:\.(\d+))?([a-zA-Z%])/g;
  let last = 0;
  for (let m = verb.exec(pattern); m; m = verb.exec(pattern)) {
    parts.push(pattern.slice(last, m.index));
    last = verb.lastIndex;
    const [, flags = "", width, precision, kind] = m;
    if (kind === "%") {
      parts.push("%");
      continue;
    }
    if (next >= rest.length) throw new EvaluationError(`not enough arguments for the format \`${pattern}\``);
    const arg = rest[next++] as Value;
    if (isPending(arg)) {
      if ((kind === "s" || kind === "v") && !width && !precision) parts.push(arg);
      else return unknownFrom(arg, "a formatted value known only after apply");
      continue;
    }
    parts.push(pad(formatOne(kind as string, arg, flags, precision), flags, width));
  }
  parts.push(pattern.slice(last));
  if (next < rest.length) throw new EvaluationError(`too many arguments for the format \`${pattern}\``);
  return joinParts(parts);
}

function formatOne(kind: string, arg: Value, flags: string, precision: string | undefined): string {
  const number = () => asNumber(arg, "argument");
  const sign = (n: number, s: string) => (n >= 0 && flags.includes("+") ? `+${s}` : s);
  switch (kind) {
    case "s":
      return precision ? text(arg).slice(0, Number(precision)) : text(arg);
    case "v":
      return isPlainObject(arg) || Array.isArray(arg) ? jsonEncode(arg) : text(arg);
    case "q":
      return JSON.stringify(text(arg));
    case "t":
      if (typeof arg !== "boolean") throw new EvaluationError("%t needs a bool");
      return String(arg);
    case "d": {
      const n = number();
      if (!Number.isInteger(n)) throw new EvaluationError(`%d needs a whole number, not ${n}`);
      return sign(n, formatNumber(n));
    }
    case "f":
    case "F":
      return sign(number(), number().toFixed(precision ? Number(precision) : 6));
    case "e":
    case "E": {
      const s = number()
        .toExponential(precision ? Number(precision) : 6)
        .replace(/e([+-])(\d)$/, "e$10$2");
      return sign(number(), kind === "E" ? s.toUpperCase() : s);
    }
    case "g":
    case "G":
      return sign(number(), String(number()));
    case "x":
    case "X": {
      const s = typeof arg === "string" ? Buffer.from(arg).toString("hex") : number().toString(16);
      return kind === "X" ? s.toUpperCase() : s;
    }
    case "o":
      return number().toString(8);
    case "b":
      return number().toString(2);
    default:
      throw new EvaluationError(`unsupported format verb %${kind}`);
  }
}

function pad(value: string, flags: string, width: string | undefined): string {
  const w = width ? Number(width) : 0;
  if (value.length >= w) return value;
  if (flags.includes("-")) return value.padEnd(w);
  return flags.includes("0") ? value.padStart(w, "0") : value.padStart(w);
}

function join(separator: Value, lists: Value[]): Value {
  const sep = text(separator, "separator");
  const items = lists.flatMap((l) => asList(l, "list"));
  const parts: Value[] = [];
  items.forEach((item, i) => {
    if (i > 0) parts.push(sep);
    parts.push(item);
  });
  return joinParts(parts);
}

/** Encodes a structure that may hold references as an `Encoded` document, a string when fully known. */
function encodeJson([value]: Value[]): Value {
  const v = value as Value;
  if (isConcrete(v)) return jsonEncode(v);
  const unknown = firstUnknown(v);
  return unknown ?? new Encoded("json", v);
}

function encodeBase64([value]: Value[]): Value {
  const v = value as Value;
  if (v instanceof Ref || v instanceof Template || v instanceof VarRef) return new Encoded("base64", v);
  if (isPending(v)) return unknownFrom(v, "text known only after apply");
  return Buffer.from(text(v)).toString("base64");
}

function hash(algorithm: string): TerraformFunction {
  return fn([1, 1], ([v]) => createHash(algorithm).update(text(v)).digest("hex"));
}

function regexMatch(pattern: string, value: string, all: boolean): Value {
  const re = regExp(pattern, "g");
  const matches = [...value.matchAll(re)];
  const shape = (m: RegExpMatchArray): Value => {
    if (m.groups) return Object.fromEntries(Object.entries(m.groups).map(([k, g]) => [k, g ?? null]));
    if (m.length > 1) return m.slice(1).map((g) => g ?? null);
    return m[0];
  };
  if (all) return matches.map(shape);
  if (matches.length === 0) throw new EvaluationError("the pattern did not match");
  return shape(matches[0] as RegExpMatchArray);
}

/** String, encoding and hashing functions. */
export const stringFunctions: Record<string, TerraformFunction> = {
  format: fn([1, Number.POSITIVE_INFINITY], format, "any"),
  formatlist: fn([1, Number.POSITIVE_INFINITY], (args) => {
    const [pattern, ...rest] = args;
    const lengths = rest.filter(Array.isArray).map((l) => (l as Value[]).length);
    const n = lengths.length ? Math.min(...lengths) : 1;
    if (lengths.some((l) => l !== n))
      throw new EvaluationError("all list arguments must have the same length");
    return Array.from({ length: n }, (_, i) =>
      format([pattern as Value, ...rest.map((a) => (Array.isArray(a) ? (a[i] as Value) : a))]),
    );
  }),
  join: fn([2, Number.POSITIVE_INFINITY], ([sep, ...lists]) => join(sep as Value, lists), "containers"),
  split: fn([2, 2], ([sep, v]) => (text(v) === "" ? [] : text(v).split(text(sep, "separator")))),
  lower: fn([1, 1], ([v]) => text(v).toLowerCase()),
  upper: fn([1, 1], ([v]) => text(v).toUpperCase()),
  title: fn([1, 1], ([v]) =>
    text(v).replace(/(^|[^\p{L}\p{N}'])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase()),
  ),
  replace: fn([3, 3], ([v, s, r]) => replace(text(v), text(s, "search"), text(r, "replacement"))),
  trimspace: fn([1, 1], ([v]) => text(v).trim()),
  trim: fn([2, 2], ([v, chars]) => {
    const set = new Set(text(chars));
    const chars2 = [...text(v)];
    let start = 0;
    let end = chars2.length;
    while (start < end && set.has(chars2[start] as string)) start++;
    while (end > start && set.has(chars2[end - 1] as string)) end--;
    return chars2.slice(start, end).join("");
  }),
  trimprefix: fn([2, 2], ([v, p]) => (text(v).startsWith(text(p)) ? text(v).slice(text(p).length) : text(v))),
  trimsuffix: fn([2, 2], ([v, s]) =>
    text(s) !== "" && text(v).endsWith(text(s)) ? text(v).slice(0, -text(s).length) : text(v),
  ),
  chomp: fn([1, 1], ([v]) => text(v).replace(/(\r?\n)+$/, "")),
  indent: fn([2, 2], ([n, v]) => text(v).replace(/\n/g, `\n${" ".repeat(asNumber(n as Value))}`)),
  substr: fn([3, 3], ([v, o, l]) => {
    const chars = [...text(v)];
    let offset = asNumber(o as Value);
    if (offset < 0) offset = Math.max(0, chars.length + offset);
    const length = asNumber(l as Value);
    return chars.slice(offset, length < 0 ? undefined : offset + length).join("");
  }),
  strrev: fn([1, 1], ([v]) => [...text(v)].reverse().join("")),
  startswith: fn([2, 2], ([v, p]) => text(v).startsWith(text(p))),
  endswith: fn([2, 2], ([v, s]) => text(v).endsWith(text(s))),
  strcontains: fn([2, 2], ([v, s]) => text(v).includes(text(s))),
  regex: fn([2, 2], ([p, v]) => regexMatch(text(p), text(v), false)),
  regexall: fn([2, 2], ([p, v]) => regexMatch(text(p), text(v), true)),
  urlencode: fn([1, 1], ([v]) => encodeURIComponent(text(v)).replace(/%20/g, "+")),
  jsonencode: fn([1, 1], encodeJson, "any"),
  jsondecode: fn([1, 1], ([v]) => jsonDecode(text(v))),
  yamlencode: fn([1, 1], ([v]) => stringifyYaml(v)),
  yamldecode: fn([1, 1], ([v]) => {
    try {
      return toValue(parseYaml(text(v), { schema: "core", maxAliasCount: 100, customTags: [] }));
    } catch {
      throw new EvaluationError("the argument is not valid YAML");
    }
  }),
  base64encode: fn([1, 1], encodeBase64, "any"),
  base64decode: fn([1, 1], ([v]) => {
    const s = text(v);
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 !== 0)
      throw new EvaluationError("the argument is not valid base64");
    return Buffer.from(s, "base64").toString("utf8");
  }),
  base64gzip: fn([1, 1], () => {
    throw new EvaluationError("base64gzip is not evaluated by plinth");
  }),
  md5: hash("md5"),
  sha1: hash("sha1"),
  sha256: hash("sha256"),
  sha512: hash("sha512"),
  base64sha256: fn([1, 1], ([v]) => createHash("sha256").update(text(v)).digest("base64")),
  base64sha512: fn([1, 1], ([v]) => createHash("sha512").update(text(v)).digest("base64")),
};
