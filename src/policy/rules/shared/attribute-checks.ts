import { Ref, Template, type Value } from "../../../model/value.ts";
import { describeUnresolved, isUnresolved, type ResourceView, type Unresolved } from "../../resource-view.ts";
import { fail, pass, unknown } from "../../rule.ts";
import type { Verdict } from "../../types.ts";
import type { Tri } from "./tri.ts";

export interface AttributeExpectation {
  /** Whether the (known, present) value complies. */
  ok: (value: Value) => boolean;
  /** The decision when the argument is absent: what the provider does by default. */
  whenAbsent: "pass" | "fail";
  pass: string;
  fail: string;
  /** Message when absent, if it differs from the pass/fail message. */
  absent?: string;
}

/** Decides from one argument: unknown when not statically known, the provider default when absent. */
export function expectAttribute(
  resource: ResourceView,
  path: string,
  expectation: AttributeExpectation,
): Verdict {
  const value = resource.get(path);
  if (isUnresolved(value))
    return unknown(`\`${path}\` is not known statically: ${describeUnresolved(value)}.`, path);
  if (value === undefined || value === null) {
    const message =
      expectation.absent ?? (expectation.whenAbsent === "pass" ? expectation.pass : expectation.fail);
    return expectation.whenAbsent === "pass" ? pass(message, path) : fail(message, path);
  }
  return expectation.ok(value) ? pass(expectation.pass, path) : fail(expectation.fail, path);
}

/** `expectAttribute` for a boolean that must be `expected`. */
export function expectBool(
  resource: ResourceView,
  path: string,
  expected: boolean,
  messages: { pass: string; fail: string; whenAbsent: "pass" | "fail"; absent?: string },
): Verdict {
  return expectAttribute(resource, path, {
    ...messages,
    ok: (v) => v === expected || v === String(expected),
  });
}

/** The first non-pass verdict, or the last pass: all checks must pass for the resource to pass. */
export function allOf(...verdicts: Array<() => Verdict>): Verdict {
  let last: Verdict | undefined;
  let undecided: Verdict | undefined;
  for (const verdict of verdicts) {
    last = verdict();
    if (last.status === "fail") return last;
    if (last.status === "unknown") undecided ??= last;
  }
  return undecided ?? (last as Verdict);
}

/**
 * Whether an argument is set: a reference to another resource's attribute counts as set (that resource
 * exists); an unknown value or an input without a default may be null, so it is not decidable.
 */
export function isSet(value: Value | undefined): Tri {
  if (value instanceof Ref || value instanceof Template) return "yes";
  if (isUnresolved(value)) return "unknown";
  return value === undefined || value === null || value === "" ? "no" : "yes";
}

/** An argument that must be set (a key, a target). */
export function expectPresent(
  resource: ResourceView,
  path: string,
  messages: { pass: string; absent: string },
): Verdict {
  const value = resource.get(path);
  const set = isSet(value);
  if (set === "unknown")
    return unknown(`\`${path}\` is not known statically: ${describeUnresolved(value as Unresolved)}.`, path);
  return set === "yes" ? pass(messages.pass, path) : fail(messages.absent, path);
}
