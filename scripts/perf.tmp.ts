import { ProviderSchemas } from "../src/catalog/provider-schemas.ts";
import { generate } from "../src/codegen/generate.ts";
import { buildGraph } from "../src/model/build-graph.ts";
import { parseSpec } from "../src/spec/load-spec.ts";

const n = Number(process.argv[3] ?? 2000);
const yaml = `apiVersion: plinth/v1\napp: bench\ncloud: aws\nregion: us-east-1\ncomponents:\n${Array.from({ length: n }, (_, i) => `  b${i}:\n    type: bucket\n    versioning: true\n`).join("")}`;
const schemas = new ProviderSchemas();
const { graph } = buildGraph(parseSpec(yaml, "b.yaml"), { schemas });
for (const f of (process.argv[2] ?? "terraform").split(",")) {
  const times: number[] = [];
  for (let i = 0; i < 12; i++) {
    const c = process.cpuUsage();
    generate(graph, f as "terraform", { schemas });
    const d = process.cpuUsage(c);
    times.push((d.user + d.system) / 1000);
  }
  times.sort((a, b) => a - b);
  console.log(f, "min", times[0]!.toFixed(0), "median", times[6]!.toFixed(0));
}
