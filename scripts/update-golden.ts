/**
 * `npm run golden`: regenerates test/golden/<example>/<format>/ from examples/ (environment prod). The
 * golden test fails on any difference, so run this after an intended change to generated code and
 * review the diff like code.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { generate } from "../src/codegen/generate.ts";
import { EXAMPLES, exampleGraph, formatsFor } from "../test/helpers/codegen.ts";

const root = new URL("../test/golden/", import.meta.url).pathname;
rmSync(root, { recursive: true, force: true });
let count = 0;
for (const example of EXAMPLES) {
  const graph = exampleGraph(example);
  for (const format of formatsFor(graph)) {
    for (const [path, content] of generate(graph, format)) {
      const target = join(root, example, format, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
      count++;
    }
  }
}
console.log(`Wrote ${count} golden files to test/golden/.`);
