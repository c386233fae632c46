import { buildGraph } from "../../../src/model/build-graph.ts";
import { parseSpec } from "../../../src/spec/load-spec.ts";
import { type BenchSuite, median, timeIt } from "../measure.ts";

/** Parse, check and lower specs of many components, in-process. */
export const lowering: BenchSuite = {
  title: "Spec to resource graph (in-process)",
  run: () =>
    [100, 1000, 5000].map((count) => {
      const components = Array.from(
        { length: count },
        (_, i) => `  b${i}:\n    type: bucket\n    versioning: true\n`,
      ).join("");
      const yaml = `apiVersion: plinth/v1\napp: bench\ncloud: aws\ncomponents:\n${components}`;
      let resources = 0;
      const samples = timeIt(
        () => {
          resources = buildGraph(parseSpec(yaml, "bench.yaml")).graph.nodes.length;
        },
        5,
        1,
      );
      return { name: `${count} buckets → ${resources} resources`, ms: median(samples) };
    }),
};
