import assert from "node:assert/strict";
import { test } from "node:test";
import { buildGraph } from "../../../src/model/build-graph.ts";
import { Ref, Template } from "../../../src/model/value.ts";
import { parseSpec } from "../../../src/spec/load-spec.ts";
import { nodeOf } from "../../helpers/spec.ts";

const spec = (cloud: string, region: string) => `apiVersion: plinth/v1
app: demo
cloud: ${cloud}
region: ${region}
components:
  first:
    type: native
    resource: plinth_null
    properties: { greeting: hello, count: 3, nested: { list: [1, 2] } }
  second:
    type: native
    resource: plinth_null
    properties: { after: "\${first.id}", text: "x-\${first.greeting}" }
`;

for (const [cloud, region] of [
  ["aws", "us-east-1"],
  ["gcp", "europe-west1"],
  ["azure", "westeurope"],
]) {
  test(`plinth_null lowers on ${cloud}: properties passed through, references to its attributes, no warnings`, () => {
    const { graph, warnings } = buildGraph(parseSpec(spec(cloud as string, region as string), "plinth.yaml"));
    assert.deepEqual(warnings, []);
    const first = nodeOf(graph, "plinth_null.first");
    assert.deepEqual(
      first.properties,
      { greeting: "hello", count: 3, nested: { list: [1, 2] } },
      "no tags added",
    );
    const second = nodeOf(graph, "plinth_null.second");
    assert.deepEqual(second.properties.after, new Ref("plinth_null.first", ["id"]));
    assert.deepEqual(
      second.properties.text,
      new Template(["x-", new Ref("plinth_null.first", ["greeting"])]),
    );
  });
}

test("other types still must belong to the environment's cloud", () => {
  assert.throws(
    () =>
      buildGraph(
        parseSpec(
          `apiVersion: plinth/v1\napp: demo\ncloud: gcp\nregion: europe-west1\ncomponents:\n  b: { type: native, resource: aws_s3_bucket }\n`,
          "plinth.yaml",
        ),
      ),
    /`aws_s3_bucket` is an aws resource type; environment `default` targets gcp/,
  );
});
