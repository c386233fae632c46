import { InvalidPatternError } from "./errors.ts";

/**
 * EventBridge event patterns, evaluated as EventBridge documents them ("Amazon EventBridge event
 * patterns" and "Content filtering"): every field of the pattern must match (AND); a leaf is an array of
 * alternatives (OR); when the event's field is an array, it matches if any element matches. Supported
 * operators: exact values (string, number, boolean, null), prefix, suffix, equals-ignore-case,
 * anything-but (values, prefix, suffix), exists, numeric, wildcard, and `$or`.
 */
export type EventPattern = { [field: string]: EventPattern | PatternLeaf[] } | { $or: EventPattern[] };
export type PatternLeaf = string | number | boolean | null | Record<string, unknown>;

const MISSING = Symbol("missing");
type Found = unknown | typeof MISSING;

export function matchesPattern(pattern: EventPattern, event: unknown): boolean {
  return matchObject(pattern as Record<string, unknown>, event);
}

function matchObject(pattern: Record<string, unknown>, value: unknown): boolean {
  for (const [field, expected] of Object.entries(pattern)) {
    if (field === "$or") {
      if (!(expected as Record<string, unknown>[]).some((branch) => matchObject(branch, value))) return false;
      continue;
    }
    const actual: Found =
      typeof value === "object" && value !== null && !Array.isArray(value) && Object.hasOwn(value, field)
        ? (value as Record<string, unknown>)[field]
        : MISSING;
    if (Array.isArray(expected)) {
      if (!matchLeaf(expected as PatternLeaf[], actual)) return false;
    } else if (actual === MISSING) {
      // A nested pattern over an absent object still matches when all it asks is absence.
      if (!onlyAsksAbsence(expected as Record<string, unknown>)) return false;
    } else if (!matchObject(expected as Record<string, unknown>, actual)) {
      return false;
    }
  }
  return true;
}

function onlyAsksAbsence(pattern: Record<string, unknown>): boolean {
  return Object.values(pattern).every((v) =>
    Array.isArray(v)
      ? v.some((leaf) => isExists(leaf, false))
      : onlyAsksAbsence(v as Record<string, unknown>),
  );
}

function isExists(leaf: unknown, wanted: boolean): boolean {
  return typeof leaf === "object" && leaf !== null && (leaf as Record<string, unknown>).exists === wanted;
}

function matchLeaf(alternatives: PatternLeaf[], actual: Found): boolean {
  const values = actual === MISSING ? [] : Array.isArray(actual) ? actual : [actual];
  return alternatives.some((alternative) => {
    if (typeof alternative === "object" && alternative !== null) {
      if ("exists" in alternative) {
        // exists applies to leaves: an object is not a leaf value.
        const present =
          actual !== MISSING && (typeof actual !== "object" || actual === null || Array.isArray(actual));
        return alternative.exists === present;
      }
      return values.some((value) => matchOperator(alternative, value));
    }
    return values.some((value) => equalValues(alternative, value));
  });
}

function equalValues(expected: PatternLeaf, value: unknown): boolean {
  if (typeof expected === "number") return typeof value === "number" && value === expected;
  return expected === value;
}

function matchOperator(operator: Record<string, unknown>, value: unknown): boolean {
  const [name, argument] = Object.entries(operator)[0] as [string, unknown];
  switch (name) {
    case "prefix":
      return typeof value === "string" && matchAffix(argument, value, "prefix");
    case "suffix":
      return typeof value === "string" && matchAffix(argument, value, "suffix");
    case "equals-ignore-case":
      return typeof value === "string" && value.toLowerCase() === String(argument).toLowerCase();
    case "wildcard":
      return typeof value === "string" && wildcardRegExp(argument as string).test(value);
    case "numeric":
      return typeof value === "number" && matchNumeric(argument as unknown[], value);
    case "anything-but":
      return matchAnythingBut(argument, value);
    default:
      return false;
  }
}

function matchAffix(argument: unknown, value: string, kind: "prefix" | "suffix"): boolean {
  const ignoreCase = typeof argument === "object" && argument !== null;
  const affix = ignoreCase
    ? String((argument as Record<string, unknown>)["equals-ignore-case"])
    : String(argument);
  const subject = ignoreCase ? value.toLowerCase() : value;
  const wanted = ignoreCase ? affix.toLowerCase() : affix;
  return kind === "prefix" ? subject.startsWith(wanted) : subject.endsWith(wanted);
}

function matchAnythingBut(argument: unknown, value: unknown): boolean {
  if (typeof argument === "object" && argument !== null && !Array.isArray(argument)) {
    return typeof value === "string" && !matchOperator(argument as Record<string, unknown>, value);
  }
  const excluded = Array.isArray(argument) ? argument : [argument];
  if (typeof value !== "string" && typeof value !== "number") return false;
  return !excluded.some((x) => x === value);
}

const COMPARE: Record<string, (a: number, b: number) => boolean> = {
  "=": (a, b) => a === b,
  "<": (a, b) => a < b,
  "<=": (a, b) => a <= b,
  ">": (a, b) => a > b,
  ">=": (a, b) => a >= b,
};

function matchNumeric(conditions: unknown[], value: number): boolean {
  for (let i = 0; i < conditions.length; i += 2) {
    const compare = COMPARE[conditions[i] as string] as (a: number, b: number) => boolean;
    if (!compare(value, conditions[i + 1] as number)) return false;
  }
  return true;
}

const wildcardCache = new Map<string, RegExp>();
function wildcardRegExp(glob: string): RegExp {
  let re = wildcardCache.get(glob);
  if (!re) {
    const body = glob
      .split("*")
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
      .join(".*");
    re = new RegExp(`^${body}$`, "s");
    wildcardCache.set(glob, re);
  }
  return re;
}

/**
 * Checks a pattern's shape as EventBridge's PutRule would, so a rule that AWS would refuse (or that the
 * local bus would evaluate differently) fails when it is loaded, with the field named.
 */
export function validatePattern(pattern: unknown, path = ""): asserts pattern is EventPattern {
  if (typeof pattern !== "object" || pattern === null || Array.isArray(pattern)) {
    throw new InvalidPatternError(`Event pattern${at(path)} must be an object of fields.`);
  }
  const fields = Object.entries(pattern);
  if (fields.length === 0) throw new InvalidPatternError(`Event pattern${at(path)} is empty.`);
  for (const [field, expected] of fields) {
    const where = path ? `${path}.${field}` : field;
    if (field === "$or") {
      if (!Array.isArray(expected) || expected.length < 2)
        throw new InvalidPatternError(`\`$or\`${at(path)} must list at least two patterns.`);
      expected.forEach((branch, i) => {
        validatePattern(branch, `${where}[${i}]`);
      });
    } else if (Array.isArray(expected)) {
      if (expected.length === 0)
        throw new InvalidPatternError(`Event pattern field \`${where}\` lists no values.`);
      for (const leaf of expected) validateLeaf(leaf, where);
    } else {
      validatePattern(expected, where);
    }
  }
}

const at = (path: string) => (path ? ` at \`${path}\`` : "");

function validateLeaf(leaf: unknown, where: string): void {
  if (leaf === null || ["string", "number", "boolean"].includes(typeof leaf)) return;
  if (typeof leaf !== "object" || Array.isArray(leaf))
    throw new InvalidPatternError(
      `Event pattern field \`${where}\` has a value that is neither a literal nor an operator.`,
    );
  const entries = Object.entries(leaf as Record<string, unknown>);
  if (entries.length !== 1)
    throw new InvalidPatternError(
      `Event pattern field \`${where}\` has an operator object with ${entries.length} keys; use one.`,
    );
  const [name, argument] = entries[0] as [string, unknown];
  const bad = (why: string) =>
    new InvalidPatternError(`Event pattern field \`${where}\`: \`${name}\` ${why}.`);
  switch (name) {
    case "prefix":
    case "suffix":
      if (typeof argument === "string") return;
      if (isIgnoreCase(argument)) return;
      throw bad('takes a string or {"equals-ignore-case": string}');
    case "equals-ignore-case":
    case "wildcard":
      if (typeof argument !== "string") throw bad("takes a string");
      return;
    case "exists":
      if (typeof argument !== "boolean") throw bad("takes true or false");
      return;
    case "numeric":
      validateNumeric(argument, bad);
      return;
    case "anything-but":
      if (typeof argument === "string" || typeof argument === "number") return;
      if (
        Array.isArray(argument) &&
        argument.length > 0 &&
        argument.every((v) => typeof v === "string" || typeof v === "number")
      )
        return;
      if (typeof argument === "object" && argument !== null && !Array.isArray(argument)) {
        const inner = Object.entries(argument);
        const [innerName, innerArg] = inner[0] ?? [];
        if (
          inner.length === 1 &&
          ["prefix", "suffix", "equals-ignore-case", "wildcard"].includes(innerName as string) &&
          typeof innerArg === "string"
        )
          return;
      }
      throw bad(
        "takes a value, a non-empty list of values, or one of prefix/suffix/equals-ignore-case/wildcard",
      );
    default:
      throw bad(
        "is not an operator plinth supports (prefix, suffix, equals-ignore-case, wildcard, exists, numeric, anything-but)",
      );
  }
}

function isIgnoreCase(argument: unknown): boolean {
  return (
    typeof argument === "object" &&
    argument !== null &&
    Object.keys(argument).length === 1 &&
    typeof (argument as Record<string, unknown>)["equals-ignore-case"] === "string"
  );
}

function validateNumeric(argument: unknown, bad: (why: string) => Error): void {
  if (!Array.isArray(argument) || argument.length === 0 || argument.length % 2 !== 0 || argument.length > 4)
    throw bad('takes one or two [operator, number] pairs, e.g. [">", 0, "<=", 5]');
  for (let i = 0; i < argument.length; i += 2) {
    if (!Object.hasOwn(COMPARE, argument[i] as string))
      throw bad(`has an unknown comparison \`${String(argument[i])}\``);
    if (typeof argument[i + 1] !== "number" || !Number.isFinite(argument[i + 1]))
      throw bad("compares with a finite number");
  }
}
