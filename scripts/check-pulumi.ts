/**
 * `npm run check:pulumi`: type-checks the Pulumi TypeScript plinth generates for every example, every
 * environment and every cloud against the real provider SDKs (@pulumi/aws, @pulumi/gcp, @pulumi/azure),
 * which live in check/pulumi (about 400 MB, so not in the main install; CI installs them in a step of
 * its own). Exit 1 with tsc's messages when a program does not compile.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generate } from "../src/codegen/generate.ts";
import { buildGraph } from "../src/model/build-graph.ts";
import { CLOUDS } from "../src/model/graph.ts";
import { InvalidSpecError } from "../src/spec/diagnostics.ts";
import { readSpecFile } from "../src/spec/load-spec.ts";

const root = new URL("../check/pulumi/", import.meta.url).pathname;
const tsc = join(root, "node_modules/.bin/tsc");
if (!existsSync(tsc)) {
  console.error("check/pulumi is not installed: run `npm ci --prefix check/pulumi` first.");
  process.exit(1);
}
const programs = join(root, "programs");
rmSync(programs, { recursive: true, force: true });
let count = 0;
for (const example of ["shop", "gcp-notes", "azure-inventory"]) {
  const file = new URL(`../examples/${example}/plinth.yaml`, import.meta.url).pathname;
  for (const env of ["dev", "prod"]) {
    for (const cloud of CLOUDS) {
      let graph: ReturnType<typeof buildGraph>["graph"];
      try {
        graph = buildGraph(readSpecFile(file, file), { env, cloud }).graph;
      } catch (error) {
        if (error instanceof InvalidSpecError) continue; // the spec does not lower to this cloud
        throw error;
      }
      const dir = join(programs, `${example}-${env}-${cloud}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, "index.ts"), generate(graph, "pulumi-ts").get("index.ts") as string);
      count++;
    }
  }
}
writeFileSync(
  join(root, "tsconfig.json"),
  `${JSON.stringify(
    {
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: "es2022",
        module: "commonjs",
        moduleResolution: "node",
        types: ["node"],
        skipLibCheck: true,
      },
      include: ["programs/**/index.ts"],
    },
    null,
    2,
  )}\n`,
);
const started = performance.now();
const result = spawnSync(tsc, ["-p", root], { encoding: "utf8", stdio: "inherit" });
console.log(
  `Type-checked ${count} generated Pulumi programs in ${((performance.now() - started) / 1000).toFixed(1)} s: ${result.status === 0 ? "ok" : "errors above"}.`,
);
process.exit(result.status ?? 1);
