import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { compileStandaloneValidators } from "../../../scripts/schema-compiler.ts";

const root = fileURLToPath(new URL("../../../", import.meta.url));

test("precompiled schema validators match their schemas (run `npm run build:schemas`)", () => {
  for (const [file, source] of compileStandaloneValidators(root)) {
    assert.ok(
      readFileSync(`${root}/${file}`, "utf8") === source,
      `${file} is stale: run npm run build:schemas`,
    );
  }
});
