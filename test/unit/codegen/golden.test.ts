import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { test } from "node:test";
import { generate } from "../../../src/codegen/generate.ts";
import { EXAMPLES, exampleGraph, formatsFor } from "../../helpers/codegen.ts";

const root = new URL("../../golden/", import.meta.url).pathname;

function goldenFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Array<import("node:fs").Dirent>)
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

for (const example of EXAMPLES) {
  const graph = exampleGraph(example);
  for (const format of formatsFor(graph)) {
    test(`${example} as ${format} matches test/golden (npm run golden regenerates)`, () => {
      const files = generate(graph, format);
      const dir = join(root, example, format);
      assert.deepEqual([...files.keys()].sort(), goldenFiles(dir), "the same files");
      for (const [path, content] of files) assert.equal(content, readFileSync(join(dir, path), "utf8"), path);
    });
  }
}

test("generation is deterministic: the same graph twice gives byte-identical files", () => {
  for (const example of EXAMPLES) {
    for (const format of formatsFor(exampleGraph(example))) {
      const first = generate(exampleGraph(example), format);
      const second = generate(exampleGraph(example), format);
      assert.deepEqual([...first], [...second], `${example} ${format}`);
    }
  }
});
