import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { InputError } from "../../../src/errors.ts";
import { readSpecFile } from "../../../src/spec/load-spec.ts";

const dir = mkdtempSync(join(tmpdir(), "plinth-spec-files-"));

function inputError(path: string): InputError {
  try {
    readSpecFile(path, "given.yaml");
  } catch (error) {
    assert.ok(error instanceof InputError, `an InputError, got ${error}`);
    return error;
  }
  assert.fail("expected an InputError");
}

describe("spec files", () => {
  test("a missing file says how to get one", () => {
    const error = inputError(join(dir, "absent.yaml"));
    assert.equal(error.message, "No spec file at given.yaml.");
    assert.match(error.hint ?? "", /plinth init/);
  });

  test("a directory suggests the file inside it", () => {
    const sub = join(dir, "app");
    mkdirSync(sub);
    const error = inputError(sub);
    assert.match(error.message, /is a directory/);
    assert.match(error.hint ?? "", /given.yaml\/plinth.yaml/);
  });

  test("a 5 MB spec is refused before it is parsed", () => {
    const path = join(dir, "huge.yaml");
    writeFileSync(path, `# ${"x".repeat(5 * 1024 * 1024)}\n`);
    assert.match(inputError(path).message, /is 5.0 MB; plinth reads specs of at most 4 MB/);
  });

  test("binary and non-UTF-8 files are refused", () => {
    const binary = join(dir, "binary.yaml");
    writeFileSync(binary, Buffer.from([0x61, 0x3a, 0x00, 0x01]));
    assert.match(inputError(binary).message, /binary file/);
    const latin1 = join(dir, "latin1.yaml");
    writeFileSync(latin1, Buffer.from([0x61, 0x3a, 0x20, 0xe9, 0x0a]));
    assert.match(inputError(latin1).message, /not UTF-8/);
  });
});
