import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { describe, test } from "node:test";
import fc from "fast-check";
import { checkProperties } from "../../../src/catalog/check-properties.ts";
import { cloudOfType, ProviderSchemas } from "../../../src/catalog/provider-schemas.ts";
import { buildGraph } from "../../../src/model/build-graph.ts";
import { CLOUDS, dependencyOrder, edgesOf, type ResourceGraph } from "../../../src/model/graph.ts";
import { encodeValue } from "../../../src/model/value.ts";
import { parseSpec, readSpecFile } from "../../../src/spec/load-spec.ts";
import { environmentNames } from "../../../src/spec/resolve-environment.ts";

const schemas = new ProviderSchemas();
const examplesDir = new URL("../../../examples/", import.meta.url);
const examples = readdirSync(examplesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** Every resource exists in its provider's schema and every argument and block fits it. */
function assertConforms(graph: ResourceGraph, label: string): void {
  const addresses = new Set(graph.nodes.map((n) => n.address));
  assert.equal(addresses.size, graph.nodes.length, `${label}: addresses are unique`);
  for (const node of graph.nodes) {
    assert.equal(cloudOfType(node.type), graph.cloud, `${label}: ${node.type} belongs to ${graph.cloud}`);
    const block = schemas.resource(node.type);
    assert.ok(block, `${label}: ${node.type} is in the bundled ${graph.cloud} provider schema`);
    const problems = checkProperties(node.properties, block).map((p) => `${p.severity}: ${p.message}`);
    assert.deepEqual(problems, [], `${label}: ${node.address}`);
  }
  for (const edge of edgesOf(graph)) {
    assert.ok(addresses.has(edge.to), `${label}: ${edge.from} depends on ${edge.to}, which exists`);
  }
  assert.equal(dependencyOrder(graph).length, graph.nodes.length, `${label}: the graph is acyclic`);
}

describe("every lowered resource matches the Terraform provider schemas", () => {
  test("there is an example per cloud", () => {
    const clouds = examples.map(
      (name) => readSpecFile(new URL(`${name}/plinth.yaml`, examplesDir).pathname).data.cloud,
    );
    assert.deepEqual([...new Set(clouds)].sort(), ["aws", "azure", "gcp"]);
  });

  for (const example of examples) {
    test(`examples/${example}, every environment`, () => {
      const doc = readSpecFile(
        new URL(`${example}/plinth.yaml`, examplesDir).pathname,
        `${example}/plinth.yaml`,
      );
      for (const env of environmentNames(doc)) {
        const { graph } = buildGraph(doc, { env, schemas });
        assert.ok(graph.nodes.length > 5, `${example} ${env} has resources`);
        assertConforms(graph, `${example}/${env}`);
      }
    });
  }

  for (const cloud of CLOUDS) {
    test(`examples/shop's portable components lowered for ${cloud}`, () => {
      const shop = readSpecFile(new URL("shop/plinth.yaml", examplesDir).pathname).data;
      const portable = Object.fromEntries(
        Object.entries(shop.components).filter(([, c]) => c.type !== "native"),
      );
      const doc = parseSpec(JSON.stringify({ ...shop, components: portable }), "shop/plinth.yaml");
      for (const env of environmentNames(doc)) {
        const { graph } = buildGraph(doc, { env, cloud, schemas });
        assertConforms(graph, `shop/${env}/${cloud}`);
      }
    });
  }

  test("random specs lower to conforming, deterministic graphs on every cloud", () => {
    const name = fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/);
    const text = fc
      .string({ maxLength: 40 })
      .filter((s) => !s.includes("${") && !["\n", "\r", "\u0000"].some((c) => s.includes(c)));
    const component = fc.oneof(
      fc.record({
        type: fc.constant("bucket"),
        versioning: fc.boolean(),
        public: fc.boolean(),
        forceDestroy: fc.boolean(),
        expireAfterDays: fc.integer({ min: 1, max: 3650 }),
      }),
      fc.record({
        type: fc.constant("queue"),
        fifo: fc.boolean(),
        deadLetter: fc.boolean(),
        retentionDays: fc.integer({ min: 1, max: 14 }),
      }),
      fc.record({ type: fc.constant("secret"), description: text }),
      fc.record({
        type: fc.constant("database"),
        engine: fc.constantFrom("postgres", "mysql"),
        // Azure's burstable (small) servers cannot be zone-redundant; that refusal has its own test.
        size: fc.constantFrom("medium", "large"),
        network: fc.constant("${net}"),
        highAvailability: fc.boolean(),
        deletionProtection: fc.boolean(),
      }),
      fc.record({
        type: fc.constant("vm"),
        size: fc.constantFrom("small", "medium", "large"),
        network: fc.constant("${net}"),
        // Values may name the secret every random spec has, which grants the VM access to it.
        env: fc.dictionary(
          fc.stringMatching(/^[A-Z][A-Z_]{0,6}$/),
          fc.oneof(text, fc.constant("${vault.id}")),
          {
            maxKeys: 3,
          },
        ),
        ingress: fc.array(
          fc.record({ port: fc.integer({ min: 80, max: 9000 }), cidr: fc.constant("10.0.0.0/16") }),
          { maxLength: 2 },
        ),
      }),
    );
    const spec = fc.record({
      cloud: fc.constantFrom(...CLOUDS),
      nat: fc.boolean(),
      production: fc.boolean(),
      tags: fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/), text, { maxKeys: 3 }),
      components: fc.dictionary(name, component, { minKeys: 1, maxKeys: 6 }),
    });
    fc.assert(
      fc.property(spec, ({ cloud, nat, production, tags, components }) => {
        const document = {
          apiVersion: "plinth/v1",
          app: "fuzz",
          cloud,
          tags,
          environments: { stage: { production } },
          components: {
            ...components,
            net: { type: "network", cidr: "10.0.0.0/16", nat },
            vault: { type: "secret" },
          },
        };
        const doc = parseSpec(JSON.stringify(document), "fuzz.yaml");
        const first = buildGraph(doc, { schemas }).graph;
        assertConforms(first, `fuzz/${cloud}`);
        const again = buildGraph(parseSpec(JSON.stringify(document), "fuzz.yaml"), { schemas }).graph;
        assert.deepEqual(
          JSON.stringify(encodeValue(again.nodes.map((n) => n.properties))),
          JSON.stringify(encodeValue(first.nodes.map((n) => n.properties))),
        );
      }),
      { numRuns: 150 },
    );
  });
});
