import assert from "node:assert/strict";
import { test } from "node:test";
import { buildGraph } from "../../../src/model/build-graph.ts";
import { decodeGraph, encodeGraph } from "../../../src/model/graph-json.ts";
import { readSpecFile } from "../../../src/spec/load-spec.ts";

const examples = new URL("../../../examples/", import.meta.url).pathname;

test("a graph survives its JSON form: references, templates, encoded documents, sources, sensitive paths", () => {
  for (const [example, env] of [
    ["shop", "prod"],
    ["gcp-notes", "dev"],
    ["azure-inventory", "prod"],
  ] as const) {
    const { graph } = buildGraph(readSpecFile(`${examples}${example}/plinth.yaml`), { env });
    const json = JSON.parse(JSON.stringify(encodeGraph(graph)));
    assert.deepEqual(decodeGraph(json), graph, example);
  }
});

test("a property key beginning with $ cannot be forged into a reference on the way back", () => {
  const { graph } = buildGraph(readSpecFile(`${examples}shop/plinth.yaml`), { env: "dev" });
  const node = graph.nodes[0] as (typeof graph.nodes)[number];
  const forged = {
    ...graph,
    nodes: [{ ...node, properties: { ...node.properties, $ref: "aws_iam_role.x" } }],
  };
  const back = decodeGraph(JSON.parse(JSON.stringify(encodeGraph(forged))));
  assert.equal(back.nodes[0]?.properties.$ref, "aws_iam_role.x", "a plain string, not a Ref");
});
