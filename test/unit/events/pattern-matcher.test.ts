import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { InvalidPatternError } from "../../../src/events/errors.ts";
import { matchesPattern, validatePattern } from "../../../src/events/pattern-matcher.ts";
import { PATTERN_CASES } from "../../fixtures/pattern-cases.ts";

describe("EventBridge pattern matching, as documented", () => {
  for (const c of PATTERN_CASES) {
    test(`${c.name}: ${c.matches ? "matches" : "does not match"}`, () => {
      validatePattern(c.pattern);
      assert.equal(matchesPattern(c.pattern, c.event), c.matches);
    });
  }
});

describe("patterns EventBridge would refuse are refused when loaded", () => {
  const bad: Array<[string, unknown, RegExp]> = [
    ["not an object", ["plinth.ci"], /must be an object/],
    ["a bare value instead of a list", { source: "plinth.ci" }, /must be an object of fields/],
    ["an empty list", { source: [] }, /`source` lists no values/],
    [
      "an unknown operator",
      { detail: { n: [{ between: [1, 2] }] } },
      /`detail.n`: `between` is not an operator/,
    ],
    ["two operators in one object", { source: [{ prefix: "a", suffix: "b" }] }, /2 keys/],
    ["numeric with an odd list", { n: [{ numeric: [">"] }] }, /one or two \[operator, number\] pairs/],
    ["numeric with a bad comparison", { n: [{ numeric: ["!=", 1] }] }, /unknown comparison `!=`/],
    ["numeric with a string", { n: [{ numeric: [">", "1"] }] }, /finite number/],
    ["exists with a string", { n: [{ exists: "yes" }] }, /takes true or false/],
    ["anything-but with an empty list", { n: [{ "anything-but": [] }] }, /anything-but/],
    ["$or with one branch", { $or: [{ source: ["a"] }] }, /at least two/],
  ];
  for (const [name, pattern, message] of bad) {
    test(name, () => {
      assert.throws(
        () => validatePattern(pattern),
        (error: Error) => {
          assert.ok(error instanceof InvalidPatternError);
          assert.match(error.message, message);
          return true;
        },
      );
    });
  }
});
