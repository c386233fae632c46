import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { test } from "node:test";
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { stringify } from "yaml";
import { generate } from "../../../src/codegen/generate.ts";
import { readInfrastructure } from "../../../src/ingest/read-infrastructure.ts";
import type { ResourceGraph } from "../../../src/model/graph.ts";
import { decodeValue, encodeValue, type Value } from "../../../src/model/value.ts";
import { InvalidSpecError } from "../../../src/spec/diagnostics.ts";
import { EXAMPLES, exampleGraph, writeTemp } from "../../helpers/codegen.ts";
import { graphOf } from "../../helpers/spec.ts";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * A graph in a comparable form: inputs replaced by the values given to the reader, adjacent text of a
 * template joined, JSON documents by their content (Terraform's jsonencode writes them with sorted
 * keys), and strings in Unicode NFC (HCL normalizes every string literal so).
 */
function comparable(graph: ResourceGraph, values: Record<string, string>) {
  const normalize = (json: Json): Json => {
    if (Array.isArray(json)) return json.map(normalize);
    if (json === null || typeof json !== "object") {
      if (typeof json !== "string") return json;
      if (/^[{[]/.test(json)) {
        try {
          return normalize(JSON.parse(json) as Json);
        } catch {
          // not a JSON document
        }
      }
      return json.normalize("NFC");
    }
    if ("$var" in json) return values[json.$var as string] ?? json;
    if ("$template" in json) {
      const parts: Json[] = [];
      for (const part of (json.$template as Json[]).map(normalize)) {
        const last = parts[parts.length - 1];
        if (typeof part === "string" && typeof last === "string") parts[parts.length - 1] = last + part;
        else if (part !== "") parts.push(part);
      }
      return parts.length === 1 && typeof parts[0] === "string" ? parts[0] : { $template: parts };
    }
    if ("$encoded" in json && json.$encoded === "json" && !JSON.stringify(json.$value).includes('"$ref"'))
      return normalize(json.$value as Json);
    return Object.fromEntries(Object.entries(json).map(([k, v]) => [k.normalize("NFC"), normalize(v)]));
  };
  const value = (v: Value) => normalize(encodeValue(v) as Json);
  return {
    nodes: graph.nodes.map((n) => ({
      address: n.address,
      type: n.type,
      properties: value(n.properties),
      dependsOn: [...n.dependsOn].sort(),
    })),
    outputs: graph.outputs.map((o) => ({ name: o.name, value: value(o.value) })),
  };
}

/** Generates Terraform, reads it back with plinth's Terraform reader, and compares the graphs. */
function assertRoundTrip(graph: ResourceGraph): void {
  const values = Object.fromEntries(graph.variables.map((v) => [v.name, `value-of-${v.name}`]));
  const dir = writeTemp(generate(graph, "terraform"), "plinth-round-trip-");
  try {
    const read = readInfrastructure(dir, { vars: { gcp_project: "p", ...values } });
    assert.equal(read.graphs.length, 1);
    const expected = comparable(graph, values);
    const actual = comparable(read.graphs[0] as ResourceGraph, values);
    assert.deepEqual(
      actual.nodes.map((n) => n.address),
      expected.nodes.map((n) => n.address),
    );
    for (const [i, node] of expected.nodes.entries()) assert.deepEqual(actual.nodes[i], node, node.address);
    assert.deepEqual(actual.outputs, expected.outputs);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const example of EXAMPLES) {
  test(`${example}: the generated Terraform read back with plinth's reader is the same graph`, () => {
    for (const env of ["dev", "prod"]) assertRoundTrip(exampleGraph(example, env));
  });
}

/** Text built from pieces that break naive escaping in HCL, heredocs, YAML and JSON. */
const hostile = fc
  .array(
    fc.constantFrom(
      "${",
      "%{",
      "$",
      "%",
      "{",
      "}",
      '"',
      "'",
      "\\",
      "\n",
      "\t",
      "\r\n",
      "EOT",
      "é",
      "e\u0301",
      "漢",
      "🙂",
      "\u2028",
      ":",
      "# ",
      "- ",
      "[x]",
      "!Ref",
      "true",
      "null",
      "a",
      "Z",
      "0",
      " ",
      "`",
      "<<EOT",
    ),
    { minLength: 1, maxLength: 12 },
  )
  .map((parts) => parts.join(""));

/** Literal text as a spec writes it: `$${` for each literal `${`. */
const specText = (text: string) => text.replaceAll("${", "$${");

const specs = fc.record({
  cloud: fc.constantFrom("aws", "gcp", "azure"),
  tagKey: fc.stringMatching(/^[a-z][a-z0-9:-]{0,20}$/),
  tagValue: hostile,
  description: hostile,
  logName: hostile,
  outputText: hostile,
  buckets: fc.integer({ min: 1, max: 3 }),
  queue: fc.boolean(),
});

test("round trip over random specs with hostile strings (fast-check)", () => {
  let checked = 0;
  fc.assert(
    fc.property(specs, (s) => {
      const components: Record<string, unknown> = {};
      for (let i = 0; i < s.buckets; i++) components[`b${i}`] = { type: "bucket", versioning: i % 2 === 0 };
      if (s.queue) components.q = { type: "queue", deadLetter: true };
      components.key = { type: "secret", description: specText(s.description) };
      if (s.cloud === "aws")
        components.logs = {
          type: "native",
          resource: "aws_cloudwatch_log_group",
          properties: {
            name: specText(s.logName),
            retention_in_days: 7,
            tags: { [s.tagKey]: specText(s.tagValue) },
          },
        };
      const spec = {
        apiVersion: "plinth/v1",
        app: "rt",
        cloud: s.cloud,
        tags: { [s.tagKey]: s.tagValue },
        components,
        outputs: { bucket: `${specText(s.outputText)}\${b0.name}${specText(s.outputText)}` },
      };
      let graph: ResourceGraph;
      try {
        graph = graphOf(stringify(spec));
      } catch (error) {
        // Text the spec itself refuses (e.g. a description looking like a literal secret) is not codegen's.
        if (error instanceof InvalidSpecError) return;
        throw error;
      }
      assertRoundTrip(graph);
      checked++;
    }),
    { numRuns: 40, seed: 20261127 },
  );
  assert.ok(checked >= 20, `${checked} specs were valid`);
});

test("the comparison sees a difference: a changed property fails the round trip", () => {
  const graph = exampleGraph("shop", "dev");
  const dir = writeTemp(generate(graph, "terraform"));
  const read = readInfrastructure(dir).graphs[0] as ResourceGraph;
  const node = read.nodes.find((n) => n.type === "aws_s3_bucket");
  assert.ok(node);
  node.properties.bucket = decodeValue("other") as Value;
  assert.equal(isDeepStrictEqual(comparable(read, {}).nodes, comparable(graph, {}).nodes), false);
});
