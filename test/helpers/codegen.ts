import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { FORMAT_CLOUDS, FORMATS, type Format, type GeneratedFiles } from "../../src/codegen/generate.ts";
import { buildGraph } from "../../src/model/build-graph.ts";
import type { ResourceGraph } from "../../src/model/graph.ts";
import { readSpecFile } from "../../src/spec/load-spec.ts";

export const EXAMPLES = ["shop", "gcp-notes", "azure-inventory"] as const;
/** The environment golden files are generated for: production settings exercise the most. */
export const GOLDEN_ENV = "prod";

export function exampleGraph(example: string, env = GOLDEN_ENV): ResourceGraph {
  const file = new URL(`../../examples/${example}/plinth.yaml`, import.meta.url).pathname;
  return buildGraph(readSpecFile(file, `examples/${example}/plinth.yaml`), { env }).graph;
}

/** The formats that serve a graph's cloud. */
export function formatsFor(graph: ResourceGraph): Format[] {
  return FORMATS.filter((format) => FORMAT_CLOUDS[format].includes(graph.cloud));
}

/** Writes generated files under a fresh temporary directory and returns it. */
export function writeTemp(files: GeneratedFiles, prefix = "plinth-gen-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [path, content] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}
