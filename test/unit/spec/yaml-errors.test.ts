import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { SpecError } from "../../../src/errors.ts";
import { readYaml } from "../../../src/spec/read-yaml.ts";

function yamlError(text: string): SpecError {
  try {
    readYaml(text, "plinth.yaml");
  } catch (error) {
    assert.ok(error instanceof SpecError, `a SpecError, got ${error}`);
    return error;
  }
  assert.fail("expected a YAML error");
}

describe("reading YAML", () => {
  test("keeps the line and column of every key and value", () => {
    const { sources } = readYaml("app: shop\ncomponents:\n  db:\n    size: small\n", "plinth.yaml");
    assert.deepEqual(sources.key("/components/db/size"), { file: "plinth.yaml", line: 4, col: 5 });
    assert.deepEqual(sources.value("/components/db/size"), { file: "plinth.yaml", line: 4, col: 11 });
    // A pointer below any known value falls back to its nearest ancestor.
    assert.equal(sources.value("/components/db/size/nothing").line, 4);
  });

  test("malformed YAML is reported at the offending line", () => {
    const error = yamlError("app: shop\ncomponents:\n  db:\n    type: database\n   engine: postgres\n");
    assert.equal(error.location?.line, 5);
    assert.match(error.message, /malformed/);
  });

  test("an unclosed flow sequence points at where YAML gave up", () => {
    assert.ok((yamlError("tags: [a, b\n").location?.line ?? 0) >= 1);
  });

  test("a duplicate key names the key and its second occurrence", () => {
    const error = yamlError("app: shop\ncomponents:\n  db:\n    type: database\n  db:\n    type: bucket\n");
    assert.match(error.message, /`db` appears twice/);
    assert.equal(error.location?.line, 5);
  });

  test("a reference inside a flow mapping gets a hint to quote it", () => {
    const error = yamlError("db: { type: database, network: ${net} }\n");
    assert.match(error.hint ?? "", /quote references/);
  });

  test("custom and language-specific YAML tags are refused", () => {
    assert.match(yamlError("bucket: !Ref assets\n").message, /`!Ref` is not allowed/);
    assert.match(yamlError("x: !!python/object/apply:os.system [ls]\n").message, /python\/object/);
  });

  test("an alias that contains itself is refused instead of looping", () => {
    const error = yamlError("a: &loop\n  b: *loop\n");
    assert.match(error.message, /refers to a mapping that contains it/);
  });

  test("a `__proto__` key is refused rather than becoming a prototype", () => {
    const error = yamlError("tags:\n  __proto__:\n    polluted: true\n");
    assert.match(error.message, /`__proto__` is not allowed/);
    assert.equal(error.location?.line, 2);
  });

  test("an alias bomb is refused", () => {
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x, x]",
      "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]",
      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]",
      "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]",
      "e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]",
    ].join("\n");
    assert.throws(() => readYaml(bomb, "plinth.yaml"), SpecError);
  });
});
