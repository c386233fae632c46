import { generate } from "../src/codegen/generate.ts";
import { buildGraph } from "../src/model/build-graph.ts";
import { parseSpec } from "../src/spec/load-spec.ts";

const n = Number(process.argv[3] ?? 5000);
const yaml = `apiVersion: plinth/v1\napp: bench\ncloud: aws\nregion: us-east-1\ncomponents:\n${Array.from({ length: n }, (_, i) => `  b${i}:\n    type: bucket\n    versioning: true\n`).join("")}`;
let c = process.cpuUsage();
const { graph } = buildGraph(parseSpec(yaml, "b.yaml"));
let d = process.cpuUsage(c);
console.log("graph", ((d.user + d.system) / 1000).toFixed(0));
for (const f of (process.argv[2] ?? "terraform,terraform-json,cloudformation,pulumi-yaml,pulumi-ts").split(
  ",",
)) {
  const times = [];
  for (let i = 0; i < 4; i++) {
    c = process.cpuUsage();
    generate(graph, f as "terraform");
    d = process.cpuUsage(c);
    times.push(((d.user + d.system) / 1000).toFixed(0));
  }
  console.log(f, times.join(" "));
}
