import { buildGraph } from "../../../src/model/build-graph.ts";
import type { Cloud } from "../../../src/model/graph.ts";
import { parseSpec } from "../../../src/spec/load-spec.ts";
import { type BenchRow, type BenchSuite, median, timeIt } from "../measure.ts";

/**
 * One app of `services` services, each a database, a secret, a dead-letter queue, an expiring bucket and
 * a VM whose env references all four, in one network with NAT: the wiring between components (grants,
 * DNS, locks, API enablement) is what GCP and Azure add over AWS.
 */
function app(services: number): string {
  const components = Array.from(
    { length: services },
    (_, i) => `  db${i}: { type: database, engine: postgres, size: medium, network: "\${net}" }
  key${i}: { type: secret }
  jobs${i}: { type: queue, deadLetter: true }
  files${i}: { type: bucket, expireAfterDays: 90 }
  vm${i}:
    type: vm
    network: \${net}
    env: { DB: "\${db${i}.endpoint}", KEY: "\${key${i}.id}", JOBS: "\${jobs${i}.url}", FILES: "\${files${i}.url}" }
`,
  ).join("");
  return `apiVersion: plinth/v1\napp: bench\ncloud: aws\nenvironments: { prod: {} }\ncomponents:\n  net: { type: network, cidr: 10.0.0.0/16, nat: true }\n${components}`;
}

/** Lowers the same app for each cloud; AWS, which has no such wiring, is the baseline. */
export const loweringClouds: BenchSuite = {
  title: "A full app lowered for each cloud (in-process, production)",
  run: () => {
    const rows: BenchRow[] = [];
    for (const services of [50, 250]) {
      const doc = parseSpec(app(services), "bench.yaml");
      let baseline = 0;
      for (const cloud of ["aws", "gcp", "azure"] as Cloud[]) {
        let resources = 0;
        const ms = median(
          timeIt(
            () => {
              resources = buildGraph(doc, { env: "prod", cloud }).graph.nodes.length;
            },
            5,
            1,
          ),
        );
        if (cloud === "aws") baseline = ms;
        rows.push({
          name: `${services} services on ${cloud} → ${resources} resources`,
          ms,
          note: cloud === "aws" ? "baseline" : `${(ms / baseline).toFixed(2)}× AWS`,
        });
      }
    }
    return rows;
  },
};
